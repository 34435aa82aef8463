export { FaultProxy } from './fault-proxy.ts';
export type { StartedFaultProxy } from './started-fault-proxy.ts';
export { NET_FAULT_KINDS, type NetFault, type NetFaultKind, type NetDirection } from './net-fault.ts';
