/**
 * The Python files a candidate's handler runs beside: a recording fake boto3 (no network, canned
 * answers), a fake botocore.exceptions, and the runner that calls the handler on each event.
 * The runner refuses sockets, process creation and file deletion, and caps memory; the caller
 * adds a time limit and a temporary directory. This guards a single user against mistakes, not
 * a server against a hostile user, which is why code only runs in single-user mode.
 */
export const FAKE_BOTO3 = String.raw`
CALLS = []
RESPONSES = {
    'GetItem': {}, 'PutItem': {}, 'UpdateItem': {}, 'DeleteItem': {},
    'Query': {'Items': [], 'Count': 0}, 'Scan': {'Items': [], 'Count': 0},
    'BatchWriteItem': {'UnprocessedItems': {}},
    'SendMessage': {'MessageId': '00000000-0000-4000-8000-000000000000'},
    'SendMessageBatch': {'Successful': [], 'Failed': []},
    'ReceiveMessage': {'Messages': []},
    'Publish': {'MessageId': '00000000-0000-4000-8000-000000000001'},
    'PutObject': {'ETag': '"0"'}, 'ListObjectsV2': {'Contents': [], 'KeyCount': 0},
    'PutEvents': {'FailedEntryCount': 0, 'Entries': []},
    'StartExecution': {'executionArn': 'arn:aws:states:us-east-1:111122223333:execution:fake:1'},
}

def _pascal(name):
    return ''.join(part[:1].upper() + part[1:] for part in name.split('_'))

class _Recorder:
    def __init__(self, service, bound=None):
        self._service = service
        self._bound = bound or {}

    def __getattr__(self, name):
        if name.startswith('_'):
            raise AttributeError(name)
        operation = _pascal(name)
        def call(*args, **params):
            if args:
                raise TypeError(name + '() only accepts keyword arguments')
            CALLS.append({'service': self._service, 'operation': operation, 'params': dict(self._bound, **params)})
            return dict(RESPONSES.get(operation, {}), ResponseMetadata={'HTTPStatusCode': 200})
        return call

class _Resource:
    def __init__(self, service):
        self._service = service
    def Table(self, name):
        return _Recorder('dynamodb', {'TableName': name})
    def Bucket(self, name):
        return _Recorder('s3', {'Bucket': name})
    def Queue(self, url):
        return _Recorder('sqs', {'QueueUrl': url})
    def Topic(self, arn):
        return _Recorder('sns', {'TopicArn': arn})

def client(service, *args, **kwargs):
    return _Recorder(service)

def resource(service, *args, **kwargs):
    return _Resource(service)

class Session:
    def __init__(self, *args, **kwargs):
        pass
    def client(self, service, *args, **kwargs):
        return client(service)
    def resource(self, service, *args, **kwargs):
        return resource(service)

class _SessionModule:
    Session = Session
session = _SessionModule()
`;

export const FAKE_BOTOCORE_EXCEPTIONS = String.raw`
class BotoCoreError(Exception):
    pass

class ClientError(Exception):
    def __init__(self, error_response=None, operation_name=''):
        super().__init__(str(error_response))
        self.response = error_response or {}
        self.operation_name = operation_name
`;

export const RUNNER = String.raw`
import builtins, importlib, json, os, shutil, socket, subprocess, sys, traceback
sys.path.insert(0, os.getcwd())
try:
    import resource
    resource.setrlimit(resource.RLIMIT_AS, (512 * 1024 * 1024, 512 * 1024 * 1024))
except Exception:
    pass

def _refuse(what):
    def refused(*args, **kwargs):
        raise PermissionError(what + ' is not allowed in an exercise')
    return refused

socket.socket = _refuse('network access')
socket.create_connection = _refuse('network access')
for _name in ('remove', 'unlink', 'rmdir', 'removedirs', 'rename', 'renames', 'replace', 'system', 'popen', 'kill', 'killpg', 'fork', 'forkpty', 'execv', 'execve', 'execvp', 'spawnv', 'truncate', 'chmod', 'chown'):
    if hasattr(os, _name):
        setattr(os, _name, _refuse('os.' + _name))
shutil.rmtree = _refuse('shutil.rmtree')
shutil.move = _refuse('shutil.move')
subprocess.Popen = _refuse('starting a process')
subprocess.run = _refuse('starting a process')
subprocess.call = _refuse('starting a process')
subprocess.check_output = _refuse('starting a process')

class Context:
    function_name = 'exercise'
    memory_limit_in_mb = 128
    invoked_function_arn = 'arn:aws:lambda:us-east-1:111122223333:function:exercise'
    aws_request_id = '00000000-0000-4000-8000-000000000002'
    def get_remaining_time_in_millis(self):
        return 3000

def line_in_submission(tb):
    lines = [frame.lineno for frame in traceback.extract_tb(tb) if frame.filename.endswith('submission.py')]
    return lines[-1] if lines else None

with open('input.json') as f:
    spec = json.load(f)
out = open('result.json', 'w')
real_stdout = sys.stdout
sys.stdout = sys.stderr
import boto3
try:
    module = importlib.import_module('submission')
except BaseException as error:
    json.dump({'importError': type(error).__name__ + ': ' + str(error), 'line': line_in_submission(error.__traceback__)}, out)
    sys.exit(0)
handler = getattr(module, spec['handler'], None)
results = []
for event in spec['events']:
    start = len(boto3.CALLS)
    try:
        returned = handler(event, Context())
        result = {'returns': json.loads(json.dumps(returned, default=str))}
    except BaseException as error:
        result = {'error': type(error).__name__ + ': ' + str(error), 'line': line_in_submission(error.__traceback__)}
    result['calls'] = json.loads(json.dumps(boto3.CALLS[start:], default=str))
    results.append(result)
json.dump({'results': results}, out)
`;
