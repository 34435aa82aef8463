"""Builds the network a Glue connection needs with boto3's EC2 client, against the endpoint given
as the first argument, and prints the ids as JSON. A client no one here wrote: botocore's own
EC2 query serializer and XML parser."""
import json
import sys

import boto3

ec2 = boto3.client('ec2', endpoint_url=sys.argv[1], region_name='us-east-1', aws_access_key_id='x', aws_secret_access_key='y')
vpc = ec2.create_vpc(CidrBlock='10.0.0.0/16', TagSpecifications=[{'ResourceType': 'vpc', 'Tags': [{'Key': 'Name', 'Value': 'glue'}]}])['Vpc']['VpcId']
subnet = ec2.create_subnet(VpcId=vpc, CidrBlock='10.0.1.0/24', AvailabilityZone='us-east-1a')['Subnet']['SubnetId']
group = ec2.create_security_group(GroupName='glue-enis', Description='Glue connection ENIs', VpcId=vpc)['GroupId']
ec2.authorize_security_group_ingress(GroupId=group, IpPermissions=[{'IpProtocol': '-1', 'UserIdGroupPairs': [{'GroupId': group}]}])
table = ec2.create_route_table(VpcId=vpc)['RouteTable']['RouteTableId']
ec2.associate_route_table(RouteTableId=table, SubnetId=subnet)
endpoint = ec2.create_vpc_endpoint(VpcId=vpc, VpcEndpointType='Gateway', ServiceName='com.amazonaws.us-east-1.s3', RouteTableIds=[table])['VpcEndpoint']['VpcEndpointId']
routes = ec2.describe_route_tables(Filters=[{'Name': 'association.subnet-id', 'Values': [subnet]}])['RouteTables'][0]['Routes']
print(json.dumps({'vpc': vpc, 'subnet': subnet, 'group': group, 'table': table, 'endpoint': endpoint, 'routes': routes}))
