/** What a saved document is: a job posting or a résumé. */
export type DocumentKind = 'posting' | 'resume';

/** A document whose extracted text the user chose to save. */
export interface DocumentRecord {
  id: string;
  kind: DocumentKind;
  name: string;
  text: string;
  createdAt: string;
}

/** A saved document without its text, for lists. */
export type DocumentSummary = Omit<DocumentRecord, 'text'> & { characters: number };

/** Saved documents; nothing is stored unless the user asks, and delete removes the text. */
export interface DocumentRepository {
  save(document: DocumentRecord): Promise<void>;
  /** Every saved document, newest first, without its text. */
  list(): Promise<DocumentSummary[]>;
  find(id: string): Promise<DocumentRecord | undefined>;
  /** Removes one document; false when there was none with that id. */
  delete(id: string): Promise<boolean>;
}
