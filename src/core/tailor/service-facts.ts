/**
 * Curated, date-independent facts about common AWS services, used to write a question (and its
 * rubric) when the bank has none for a service a posting asks for. Keyed by an alias the service
 * catalogue resolves, so canonical names stay the catalogue's business.
 */
export interface ServiceFacts {
  short: string;
  /** A use case for the scenario template. */
  useCase: string;
  /** A symptom for the troubleshooting template. */
  symptom: string;
  /** Points a strong concept answer covers. */
  points: string[];
  /** What a strong troubleshooting answer checks. */
  checks: string[];
}

export const SERVICE_FACTS: Record<string, ServiceFacts> = {
  lambda: {
    short: 'Lambda',
    useCase: 'processing uploaded files as they arrive',
    symptom: 'A Lambda function behind an API is intermittently slow and sometimes times out',
    points: [
      'Lambda runs code in response to events and bills per request and per millisecond of duration, with memory setting CPU share.',
      'A function runs for at most 15 minutes, so long jobs belong in Step Functions, ECS or Batch.',
      'Cold starts add latency when a new execution environment is created; provisioned concurrency or SnapStart reduce it.',
      "Concurrency is limited per account and Region, and reserved concurrency caps or guarantees a function's share.",
    ],
    checks: [
      'Look at Duration, Errors, Throttles and ConcurrentExecutions metrics in CloudWatch.',
      'Check for cold starts (Init Duration in logs) and whether memory is too low for the work.',
      'Check downstream calls with X-Ray, such as a database or an API in a VPC without a route.',
      'Compare the function timeout with the API Gateway integration timeout.',
    ],
  },
  ec2: {
    short: 'EC2',
    useCase: 'running a stateful legacy application that cannot be containerised',
    symptom: 'An EC2 instance fails its status checks and the application is unreachable',
    points: [
      'EC2 gives virtual machines whose instance family sets the CPU, memory, storage and network balance.',
      'On-Demand, Savings Plans, Reserved Instances and Spot trade flexibility against price.',
      'An Auto Scaling group across several Availability Zones replaces unhealthy instances and scales with load.',
      'Security groups are stateful firewalls attached to instances.',
    ],
    checks: [
      'Tell system status check failures (AWS host) from instance status check failures (the OS).',
      'Read the system log or a screenshot for boot, disk-full or kernel problems.',
      'Stop and start to move to new hardware for a system check failure.',
      'Check security groups, network ACLs and route tables for reachability.',
    ],
  },
  s3: {
    short: 'S3',
    useCase: 'storing and serving user uploads for a web application',
    symptom: 'An application gets 403 Access Denied reading objects from an S3 bucket',
    points: [
      'S3 stores objects in buckets with eleven nines of durability, and is strongly consistent for reads after writes.',
      'Storage classes and lifecycle rules trade retrieval time and cost against storage price.',
      'Access is controlled by IAM policies, bucket policies and Block Public Access; ACLs are best left disabled.',
      'Versioning and Object Lock protect against deletion and overwrite.',
    ],
    checks: [
      'Evaluate both the IAM policy of the caller and the bucket policy, including explicit denies.',
      'Check KMS key permissions when objects are encrypted with SSE-KMS.',
      'Check Block Public Access settings and object ownership for cross-account objects.',
      'Use CloudTrail or the IAM policy simulator to see which policy denied the call.',
    ],
  },
  dynamodb: {
    short: 'DynamoDB',
    useCase: 'storing shopping carts for millions of users at scale',
    symptom: "DynamoDB requests are throttled although the table's consumed capacity looks below its limit",
    points: [
      'DynamoDB is a key-value and document database; items are found by partition key, and by sort key within a partition.',
      'Access patterns are designed first; Query uses keys, Scan reads the whole table.',
      'Global secondary indexes give other access patterns, with eventually consistent reads.',
      'On-demand and provisioned capacity modes trade simplicity against price for steady load.',
    ],
    checks: [
      'Look for a hot partition key taking most of the traffic with CloudWatch Contributor Insights.',
      'Check whether a GSI is throttled and back-pressuring writes to the table.',
      'Check per-partition limits, which apply even when the table total is below its capacity.',
      'Spread the key (write sharding) and retry with exponential backoff and jitter.',
    ],
  },
  rds: {
    short: 'RDS',
    useCase: 'running the relational database of an order system',
    symptom: "An RDS database's CPU jumps to 100% and queries slow down",
    points: [
      'RDS runs managed relational engines such as PostgreSQL and MySQL, handling patching and backups.',
      'Multi-AZ keeps a standby in another Availability Zone for failover; read replicas scale reads.',
      'Automated backups allow point-in-time recovery within the retention period.',
      'Connections are limited, so many short-lived clients such as Lambda need RDS Proxy or pooling.',
    ],
    checks: [
      'Use Performance Insights to find the top SQL and wait events.',
      'Check for missing indexes and plans that changed, with EXPLAIN.',
      'Check connection count and whether a deployment or batch job began at the same time.',
      'Check for burstable instance credits running out.',
    ],
  },
  aurora: {
    short: 'Aurora',
    useCase: 'a relational database that must fail over in under a minute',
    symptom: 'Aurora reader endpoints return stale data right after writes',
    points: [
      'Aurora is a MySQL- and PostgreSQL-compatible engine whose storage keeps six copies across three Availability Zones.',
      'Up to 15 replicas share the cluster storage, so replica lag is usually low and failover is fast.',
      'The cluster has a writer endpoint and a reader endpoint that balances across replicas.',
      'Aurora Serverless scales capacity with load, and Global Database replicates across Regions.',
    ],
    checks: [
      'Measure replica lag (AuroraReplicaLag) during the write burst.',
      'Send reads that must see their own writes to the writer endpoint.',
      'Check whether the application caches connections to a replica that was promoted or replaced.',
      'Check long-running transactions on replicas.',
    ],
  },
  vpc: {
    short: 'VPC',
    useCase: 'a three-tier web application with a private database',
    symptom: 'Instances in a private subnet cannot reach the internet to download updates',
    points: [
      'A VPC is an isolated network in one Region, split into subnets that each live in one Availability Zone.',
      'A public subnet has a route to an internet gateway; a private subnet reaches out through a NAT gateway.',
      'Security groups are stateful and attach to interfaces; network ACLs are stateless and attach to subnets.',
      'VPC endpoints reach AWS services privately without the internet or a NAT gateway.',
    ],
    checks: [
      "Check the private subnet's route table for a 0.0.0.0/0 route to a NAT gateway.",
      'Check that the NAT gateway is in a public subnet with a route to an internet gateway.',
      'Check security group outbound rules and network ACL rules in both directions, including ephemeral ports.',
      'Use VPC Reachability Analyzer or flow logs to see where packets stop.',
    ],
  },
  iam: {
    short: 'IAM',
    useCase: 'giving an application on EC2 access to one S3 bucket',
    symptom: 'A service gets AccessDenied although its role seems to allow the action',
    points: [
      'IAM policies allow or deny actions on resources; an explicit deny always wins and everything else is denied by default.',
      'Roles give temporary credentials to services, applications and federated users, instead of long-lived keys.',
      'Least privilege means granting only the actions and resources needed, refined with tools such as Access Analyzer.',
      'Permission boundaries and service control policies limit what identity policies can grant.',
    ],
    checks: [
      'Read the exact error and CloudTrail event to learn which action and resource were denied.',
      'Look for explicit denies in SCPs, permission boundaries, resource policies and session policies.',
      'Check the resource ARN and condition keys in the policy.',
      'Use the IAM policy simulator to test the evaluation.',
    ],
  },
  kms: {
    short: 'KMS',
    useCase: 'encrypting customer data at rest across several services',
    symptom: 'A service fails to read encrypted data with a KMS AccessDenied error',
    points: [
      'KMS manages keys whose key material never leaves the service unencrypted; data is encrypted with data keys (envelope encryption).',
      'Key policies are the primary access control for a KMS key, together with IAM policies and grants.',
      'Customer managed keys allow custom policies, rotation and audit; AWS managed keys are simpler.',
      'Every use of a key is logged in CloudTrail.',
    ],
    checks: [
      "Check the key policy allows the caller's principal, not only the IAM policy.",
      'Check the encryption context and the Region of the key.',
      'Check whether the key is disabled or pending deletion.',
      'Find the denied call in CloudTrail.',
    ],
  },
  cloudwatch: {
    short: 'CloudWatch',
    useCase: 'alerting on a customer-facing API before users notice problems',
    symptom: 'A CloudWatch alarm never fired during an outage',
    points: [
      'CloudWatch collects metrics, logs and events from AWS services and applications.',
      'Alarms watch a metric against a threshold over evaluation periods and notify or act.',
      'Logs Insights queries log data; metric filters turn log patterns into metrics.',
      'Dashboards and anomaly detection help spot changes, and composite alarms reduce noise.',
    ],
    checks: [
      "Check the alarm's metric, statistic, period and threshold against what happened.",
      'Check how missing data is treated, since a dead service may send no data at all.',
      'Check the alarm action and the SNS subscription.',
      'Add an alarm on the customer symptom, such as error rate or latency, not only on causes.',
    ],
  },
  cloudformation: {
    short: 'CloudFormation',
    useCase: 'provisioning identical environments for development and production',
    symptom: 'A CloudFormation stack update fails and ends in UPDATE_ROLLBACK_FAILED',
    points: [
      'CloudFormation creates and updates resources from a template declared as code, as a stack.',
      'Change sets preview what an update will replace or modify.',
      'Parameters, mappings and outputs make templates reusable across environments.',
      'Drift detection finds resources changed outside the template.',
    ],
    checks: [
      'Read the stack events to find the first resource that failed and why.',
      'Check for resources changed or deleted by hand.',
      'Continue the rollback, skipping resources that cannot roll back, once their state is understood.',
      'Prevent repeats with change sets and stack policies.',
    ],
  },
  ecs: {
    short: 'ECS',
    useCase: 'running a set of containerised microservices',
    symptom: 'ECS tasks keep stopping shortly after they start',
    points: [
      'ECS runs containers from task definitions, kept running by services.',
      'Tasks run on EC2 capacity you manage or on Fargate without servers.',
      'Services integrate with load balancers and scale on metrics.',
      'A task role gives the application its permissions; the execution role lets ECS pull images and write logs.',
    ],
    checks: [
      'Read the stopped reason and container exit code of the task.',
      'Check the container logs in CloudWatch Logs.',
      'Check load balancer health checks, which may kill slow-starting tasks.',
      'Check the execution role and network path for pulling the image.',
    ],
  },
  eks: {
    short: 'EKS',
    useCase: 'running Kubernetes workloads for several teams',
    symptom: 'Pods on EKS stay in Pending state',
    points: [
      'EKS runs a managed Kubernetes control plane across several Availability Zones.',
      'Workloads run on managed node groups, self-managed nodes or Fargate.',
      'IAM roles for service accounts give pods least-privilege AWS permissions.',
      'The VPC CNI gives pods VPC IP addresses, so subnet sizing matters.',
    ],
    checks: [
      'Describe the pod to read scheduling events.',
      'Check node capacity against resource requests, and whether the autoscaler can add nodes.',
      'Check free IP addresses in the subnets.',
      'Check taints, tolerations and node selectors.',
    ],
  },
  fargate: {
    short: 'Fargate',
    useCase: 'running containers without managing servers',
    symptom: 'A Fargate task cannot pull its container image',
    points: [
      'Fargate runs containers for ECS and EKS without managing instances, billed for vCPU and memory per second.',
      'Each task gets its own network interface in the VPC.',
      'It costs more per unit than well-used EC2 capacity but removes patching and scaling of hosts.',
      'Fargate Spot runs interruptible tasks at a discount.',
    ],
    checks: [
      'Check the task has a route to the registry: a NAT gateway, a public IP, or VPC endpoints for ECR and S3.',
      'Check the task execution role can pull from ECR.',
      'Check the image name and tag exist.',
      'Check security group outbound rules.',
    ],
  },
  'api gateway': {
    short: 'API Gateway',
    useCase: 'exposing a public REST API for a mobile app',
    symptom: 'API Gateway returns 504 errors for some requests',
    points: [
      'API Gateway fronts backends such as Lambda or HTTP services with routing, auth and throttling.',
      'REST APIs offer more features; HTTP APIs are cheaper and simpler.',
      'Authorizers (IAM, Cognito, Lambda) and usage plans control access.',
      'The integration timeout caps how long a backend can take.',
    ],
    checks: [
      'Compare backend duration with the integration timeout.',
      'Enable access and execution logs to see the integration latency.',
      'Check the backend for cold starts or slow dependencies.',
      'Move long work to an asynchronous pattern.',
    ],
  },
  sqs: {
    short: 'SQS',
    useCase: 'decoupling order intake from order processing',
    symptom: 'An SQS queue backlog keeps growing although no errors are logged',
    points: [
      'SQS is a managed queue; standard queues deliver at least once with best-effort order, FIFO queues keep order per group.',
      'The visibility timeout hides a message while a consumer works on it.',
      'A dead-letter queue catches messages that fail repeatedly.',
      'Consumers must be idempotent because a message can arrive more than once.',
    ],
    checks: [
      'Compare ApproximateAgeOfOldestMessage and consumer throughput.',
      'Check consumer concurrency and scaling limits.',
      'Check whether messages keep returning because processing outlasts the visibility timeout.',
      'Look for a slow downstream dependency.',
    ],
  },
  sns: {
    short: 'SNS',
    useCase: 'fanning out one event to several services',
    symptom: 'Some SNS subscribers stop receiving messages',
    points: [
      'SNS is publish-subscribe: a topic pushes each message to all its subscribers.',
      'Fan-out to SQS queues lets each consumer process at its own pace.',
      'Subscription filter policies deliver only matching messages.',
      'FIFO topics keep order when paired with FIFO queues.',
    ],
    checks: [
      'Check the subscription is confirmed and its filter policy.',
      'Check the SQS queue policy allows the topic to send.',
      'Check delivery failure metrics and a dead-letter queue on the subscription.',
      'Check KMS key permissions for encrypted queues.',
    ],
  },
  kinesis: {
    short: 'Kinesis Data Streams',
    useCase: 'ingesting clickstream events in real time',
    symptom: 'Kinesis consumers fall further behind the stream',
    points: [
      'A Kinesis data stream is split into shards; records with the same partition key go to the same shard in order.',
      'Records are kept for a retention period and can be replayed.',
      'Each shard has write and read throughput limits; on-demand mode scales shards automatically.',
      'Enhanced fan-out gives each consumer its own read throughput.',
    ],
    checks: [
      'Watch GetRecords.IteratorAgeMilliseconds for lag.',
      'Check for a hot shard caused by a skewed partition key.',
      'Check consumer errors and retries that block a shard.',
      'Add shards or parallelise consumers per shard.',
    ],
  },
  'aws glue': {
    short: 'Glue',
    useCase: 'a nightly ETL job that turns raw JSON into partitioned Parquet',
    symptom: 'A Glue job that used to take 20 minutes now takes hours',
    points: [
      'Glue is serverless ETL running Spark jobs, with a Data Catalog of table schemas.',
      'Crawlers infer schemas and partitions into the Data Catalog.',
      'Job bookmarks process only new data between runs.',
      'Columnar formats and partitioning cut the data later scanned by Athena or Redshift Spectrum.',
    ],
    checks: [
      'Check job metrics and Spark UI for skewed or spilling stages.',
      'Check for many small input files.',
      'Check whether bookmarks were reset so the job reprocesses everything.',
      'Check the worker type and count.',
    ],
  },
  athena: {
    short: 'Athena',
    useCase: 'ad hoc SQL on logs stored in S3',
    symptom: 'Athena queries are slow and expensive',
    points: [
      'Athena runs serverless SQL over data in S3, billed per data scanned.',
      'Partitioning and columnar formats such as Parquet reduce the data scanned.',
      'Tables are defined in the Glue Data Catalog.',
      'Workgroups control cost limits and result locations.',
    ],
    checks: [
      'Check data scanned per query in the query history.',
      'Add partition filters and convert to compressed columnar files.',
      'Compact small files.',
      'Select only needed columns.',
    ],
  },
  redshift: {
    short: 'Redshift',
    useCase: 'a data warehouse for company reporting',
    symptom: 'Redshift dashboard queries slowed down as data grew',
    points: [
      'Redshift is a columnar, massively parallel data warehouse.',
      'Distribution and sort keys decide how data is spread and how much is scanned.',
      'Redshift Spectrum queries data in S3 directly.',
      'Serverless and provisioned options trade control against management.',
    ],
    checks: [
      'Read the query plan for redistribution and broadcast steps.',
      'Check table distribution skew and sort key use.',
      'Check workload management queues and concurrency.',
      'Check for tables needing vacuum or analyze.',
    ],
  },
  'step functions': {
    short: 'Step Functions',
    useCase: 'orchestrating a multi-step order workflow with retries',
    symptom: 'A Step Functions execution fails halfway and leaves data inconsistent',
    points: [
      'Step Functions runs state machines that orchestrate services with retries and error handling.',
      'Standard workflows run up to a year with exactly-once steps; Express workflows are short, high-volume and at least once.',
      'Retry and Catch handle failures per state.',
      'Compensating steps (the saga pattern) undo earlier work after a failure.',
    ],
    checks: [
      'Read the execution history to find the failing state and error.',
      'Check the Retry and Catch configuration.',
      'Add compensation steps for work already done.',
      'Make each task idempotent.',
    ],
  },
  cloudfront: {
    short: 'CloudFront',
    useCase: 'serving a global static website fast',
    symptom: 'Users still see an old version of the site after a deployment',
    points: [
      'CloudFront caches content at edge locations close to users.',
      'Cache behaviours and policies decide what is cached and for how long.',
      'Origin access control keeps an S3 origin private.',
      'Invalidations or versioned file names refresh content.',
    ],
    checks: [
      'Check cache TTLs and Cache-Control headers.',
      'Invalidate changed paths or use versioned asset names.',
      'Check browser caches.',
      'Check the behaviour that matches the path.',
    ],
  },
  'route 53': {
    short: 'Route 53',
    useCase: 'failing over a website to another Region',
    symptom: 'Route 53 failover did not happen when the primary site went down',
    points: [
      'Route 53 is a DNS service with hosted zones and records.',
      'Routing policies include simple, weighted, latency, geolocation and failover.',
      'Health checks drive failover records.',
      'Alias records point to AWS resources at the zone apex.',
    ],
    checks: [
      'Check the health check targets what actually failed.',
      'Check record TTLs and resolver caching.',
      'Check the failover records are a primary and secondary pair with health checks attached.',
      'Check the secondary is healthy.',
    ],
  },
  elasticache: {
    short: 'ElastiCache',
    useCase: 'caching product pages to cut database load',
    symptom: 'The cache hit rate dropped and the database is overloaded',
    points: [
      'ElastiCache runs managed Redis-compatible (Valkey, Redis OSS) and Memcached caches in memory.',
      'Cache-aside and write-through strategies trade freshness against complexity.',
      'TTLs and eviction policies decide what stays cached.',
      'Replication and Multi-AZ add availability for Redis-compatible engines.',
    ],
    checks: [
      'Check evictions and memory use.',
      'Check whether keys changed or TTLs are too short.',
      'Look for a thundering herd after keys expire together.',
      'Check the node size and connections.',
    ],
  },
  eventbridge: {
    short: 'EventBridge',
    useCase: "routing business events between teams' services",
    symptom: 'An EventBridge rule does not trigger its target',
    points: [
      'EventBridge routes events from an event bus to targets by rules that match event patterns.',
      'It connects AWS services, SaaS sources and your own applications.',
      'Archives and replay let you reprocess events.',
      'Schedules run targets on a timetable.',
    ],
    checks: [
      'Test the event pattern against a sample event.',
      "Check the target's resource policy or role.",
      'Check FailedInvocations metrics and a dead-letter queue.',
      'Check the event goes to the right bus.',
    ],
  },
  emr: {
    short: 'EMR',
    useCase: 'running large Spark jobs over a data lake',
    symptom: 'EMR Spark jobs fail with out-of-memory errors',
    points: [
      'EMR runs big data frameworks such as Spark and Hive on managed clusters, on EC2, EKS or serverless.',
      'Spot instances on task nodes cut cost.',
      'Data usually stays in S3, so clusters can be transient.',
      'Instance types and executor settings shape performance.',
    ],
    checks: [
      'Check the Spark UI for skewed partitions.',
      'Tune executor memory and partition count.',
      'Check for large broadcast joins.',
      'Check whether Spot interruptions killed nodes.',
    ],
  },
  sagemaker: {
    short: 'SageMaker',
    useCase: 'training and serving a prediction model',
    symptom: 'A SageMaker endpoint has high latency under load',
    points: [
      'SageMaker covers building, training and deploying ML models.',
      'Training jobs run on managed instances and write model artefacts to S3.',
      'Endpoints serve real-time inference; batch transform and serverless inference suit other patterns.',
      'Auto scaling adjusts endpoint instances with traffic.',
    ],
    checks: [
      'Check ModelLatency against OverheadLatency metrics.',
      'Check instance utilisation and auto scaling settings.',
      'Check the model size and instance type.',
      'Check payload size.',
    ],
  },
  codepipeline: {
    short: 'CodePipeline',
    useCase: 'a release pipeline from commit to production',
    symptom: 'A deployment broke production although the pipeline passed',
    points: [
      'CodePipeline models a release as stages of actions: source, build, test, deploy.',
      'It integrates with CodeBuild, CodeDeploy, CloudFormation and third-party tools.',
      'Manual approvals and automated tests gate promotions.',
      'Deployments can be blue/green or canary with automatic rollback on alarms.',
    ],
    checks: [
      'Compare what was tested with what was deployed.',
      'Add missing tests or alarms for the failure seen.',
      'Add automatic rollback on alarms.',
      'Check environment differences between stages.',
    ],
  },
};
