import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { channelNames, ipcChannel, IPC_EVENT_CHANNEL } from '../../shared/ipc/contract';
import type { Dispatch } from '../../core/ipc/dispatcher';
import type { EventBus } from '../../core/event-bus';

/** Binds every contract channel to the dispatcher; the sender is the frame Electron says sent the message. */
export function registerIpc(dispatch: Dispatch): void {
  for (const name of channelNames) {
    ipcMain.handle(ipcChannel(name), (event: IpcMainInvokeEvent, payload: unknown) => {
      const frame = event.senderFrame;
      return dispatch(name, payload, {
        origin: frame?.origin ?? null,
        isMainFrame: frame !== null && frame === event.sender.mainFrame,
      });
    });
  }
}

/** Forwards validated events to a window for as long as it lives. */
export function forwardEvents(bus: EventBus, contents: WebContents): void {
  const unsubscribe = bus.subscribe((event, payload) => {
    if (!contents.isDestroyed()) contents.send(IPC_EVENT_CHANNEL, event, payload);
  });
  contents.once('destroyed', unsubscribe);
}
