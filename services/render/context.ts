/**
 * The dialogue context of `auto` rendering: what each conversation's earlier scenes were (tension type,
 * chosen style, key). Kept in memory per handler, bounded in conversations and in turns, so a long-running
 * render service cannot grow without limit; with several instances each sees its own partitions' dialogues,
 * which Kafka keys by conversation id.
 */
import type { DialogueContext } from '../core/render/index.js';
import type { Style, TensionType } from '../core/types.js';

const TURNS = 8;

export class ConversationMemory {
  private readonly turns = new Map<string, { tension: TensionType | null; style: Style; key: string }[]>();

  constructor(private readonly maxConversations = 10000) {}

  contextOf(conversationId: string): DialogueContext {
    const turns = this.turns.get(conversationId) ?? [];
    return {
      previousTensions: turns.map((t) => t.tension),
      previousStyles: turns.map((t) => t.style),
      previousKeys: turns.map((t) => t.key),
    };
  }

  remember(conversationId: string, turn: { tension: TensionType | null; style: Style; key: string }): void {
    const turns = this.turns.get(conversationId) ?? [];
    this.turns.delete(conversationId);
    turns.push(turn);
    this.turns.set(conversationId, turns.slice(-TURNS));
    if (this.turns.size > this.maxConversations) this.turns.delete(this.turns.keys().next().value!);
  }
}
