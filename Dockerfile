# Loop Coach for a team: `docker compose up` (see compose.yaml and the README's "Team deployment").
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
COPY stubs ./stubs
ENV ONNXRUNTIME_NODE_INSTALL=skip ONNXRUNTIME_NODE_INSTALL_CUDA=skip
RUN npm ci --ignore-scripts=false
COPY . .
RUN npm run build && npm run build:web && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4173 LOOPCOACH_TEAM=1
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/bin ./bin
COPY --from=build /app/content ./content
COPY --from=build /app/lexicons ./lexicons
COPY --from=build /app/models ./models
COPY --from=build /app/web/dist ./web/dist
COPY --from=build /app/stubs ./stubs
USER node
EXPOSE 4173
CMD ["node", "bin/loopcoach.js", "serve", "--team"]
