"""Calls Glue TestConnection with boto3 and prints what came back: the error code, message, HTTP
status and the diagnosis header, or the answer."""
import json
import sys

import boto3
from botocore.exceptions import ClientError

glue = boto3.client('glue', endpoint_url=sys.argv[1], region_name='us-east-1', aws_access_key_id='x', aws_secret_access_key='y')
try:
    answer = glue.test_connection(ConnectionName=sys.argv[2])
    print(json.dumps({'ok': True}))
except ClientError as error:
    metadata = error.response['ResponseMetadata']
    print(json.dumps({
        'code': error.response['Error']['Code'],
        'message': error.response['Error']['Message'],
        'status': metadata['HTTPStatusCode'],
        'diagnosis': metadata['HTTPHeaders'].get('x-partner-harness-diagnosis'),
    }))
