export function isPortFree(port: number): Promise<boolean>;
export function checkoutPort(checkoutPath: string): number;
export function portForCheckout(checkoutPath: string, options?: { attempts?: number }): Promise<{ port: number; preferred: number; fellBack: boolean }>;
export function freePort(): Promise<number>;
