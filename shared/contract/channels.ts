/** The two IPC channels of the Electron binding: calls (invoke/handle) and core events (send/on). */
export const RPC_CHANNEL = 'passopasso:rpc';
export const EVENT_CHANNEL = 'passopasso:event';
