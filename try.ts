import { createCoach } from './src/index.js';
const t0 = performance.now();
const coach = await createCoach();
console.log('load', performance.now() - t0);
const q = coach.findQuestion('security-groups-vs-nacls')!;
const t1 = performance.now();
const fb = coach.grade(q, q.modelAnswer);
console.log('grade', performance.now() - t1);
console.log(JSON.stringify(fb, null, 1));
for (const a of ["Security groups are stateless and NACLs are stateful. SGs can deny specific IPs.", "I like pizza and football on sundays with my family and friends.", "Security groups and NACLs are both firewalls in AWS. Security group is a robust, seamless firewall for EC2.", "SGs track connections so replies flow back automatically, but NACLs don't track connections, so you have to add rules both ways including ephemeral ports 1024-65535. SGs sit on the ENI and only allow; NACLs cover the whole subnet with ordered allow and deny rules. I use SGs day to day and add a NACL deny to block a bad CIDR subnet-wide. The downside is NACL mistakes are hard to debug."]) {
  const f = coach.grade(q, a); console.log(f.score, f.rubric.map(r => r.strength + (r.covered ? '*' : '')).join(' '), f.findings.map(x => x.code).join(','), f.structure.parts.filter(p=>p.present).map(p=>p.part).join('/'));
}
