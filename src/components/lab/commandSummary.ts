/**
 * A command as the lab widgets list it in their `commands` output and as sample-traffic.json records
 * it: its number, its flags, and its reqid as 4 lowercase hex digits when it has one.
 */
import type {Command} from '@site/src/protocol';

export interface CommandSummary {
  cmd: number;
  flags: number;
  reqid?: string;
}

/** @example commandSummary({cmd: 27, flags: 2, reqid: 0x7f4d, params: new Uint8Array()}) // {cmd: 27, flags: 2, reqid: '7f4d'} */
export function commandSummary(command: Command): CommandSummary {
  return command.reqid === undefined ? {cmd: command.cmd, flags: command.flags} : {cmd: command.cmd, flags: command.flags, reqid: command.reqid.toString(16).padStart(4, '0')};
}
