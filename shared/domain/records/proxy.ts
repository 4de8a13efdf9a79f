/** 帮代办 (placeholder shapes until the proxy-handling issue reshapes them with a migration). */
import type { Stamp } from './staff';

export type ProxyTask = Stamp & {
  id: string;
  caseId: string;
  residentId: string;
  status: '待授权' | '待上门' | '办理中' | '待送达' | '已完成';
  authorisedBy?: string;
};

export type CustodyItem = {
  id: string;
  proxyTaskId: string;
  document: string;
  takenAt?: number;
  takenBy?: string;
  returnedAt?: number;
  returnedBy?: string;
};
