/**
 * The syntactic layer's plain data: UD tokens with their offsets, tags, lemmas and dependency
 * arcs. The parser produces it; frames, coreference and `kg parse` read it.
 */

/** One UD word of a sentence. Offsets index the original document text (`end` exclusive). */
export interface SyntaxToken {
  /** 1-based position in the sentence, as the CoNLL-U ID column. */
  id: number;
  form: string;
  start: number;
  end: number;
  /** Universal POS tag (NOUN, PROPN, VERB …). */
  upos: string;
  /** Penn Treebank tag, when the tagger predicts it. */
  xpos?: string;
  lemma: string;
  /** `id` of the head word; 0 for the root. */
  head: number;
  /** UD relation, with its subtype where EWT has one ("nsubj:pass", "obl:tmod", "nmod:poss"). */
  deprel: string;
}

/** A parsed sentence: its span in the document text and its words in order. */
export interface ParsedSentence {
  start: number;
  end: number;
  tokens: SyntaxToken[];
}
