import { bytesOf } from './bytes';

/** Characters gathered before they are encoded: short strings encode fast, one 50 MB string does not. */
const PIECE_CHARS = 1 << 16;

/**
 * A text file built by appending, encoded in pieces as it grows, so a month's file never becomes one
 * giant string. A piece is cut only between two appended strings, never inside one, so no character
 * (nor a surrogate pair) is split: the pieces encode exactly as the whole text would.
 */
export class TextPieces {
  private readonly pieces: Buffer[] = [];
  private text = '';

  constructor(private readonly encode: (text: string) => Buffer) {}

  append(text: string): void {
    this.text += text;
    if (this.text.length >= PIECE_CHARS) this.flush();
  }

  toBytes(): Uint8Array {
    this.flush();
    return bytesOf(Buffer.concat(this.pieces));
  }

  private flush(): void {
    if (this.text.length > 0) this.pieces.push(this.encode(this.text));
    this.text = '';
  }
}
