/**
 * Commands in words, for every widget that reads them (protocol.md §5): the meaning of the flags in
 * the low three bits of a cmdword.
 */
import {translate} from '@docusaurus/Translate';
import {COMMAND_FLAGS} from '@site/src/protocol';

/**
 * The flags of a command in words; only 1, 2 and 3 were seen in traffic.
 *
 * @example flagsName(2) // 'request'
 */
export function flagsName(flags: number): string {
  switch (flags) {
    case COMMAND_FLAGS.notification:
      return translate({id: 'lab.command.flags.notification', message: 'notification'});
    case COMMAND_FLAGS.request:
      return translate({id: 'lab.command.flags.request', message: 'request'});
    case COMMAND_FLAGS.reply:
      return translate({id: 'lab.command.flags.reply', message: 'reply'});
    default:
      return translate({id: 'lab.command.flags.other', message: 'flags {flags}, never seen in traffic'}, {flags});
  }
}
