/**
 * A recursive-descent parser for the read-only Cypher subset of `kg query`.
 *
 * Why our own: the npm Cypher grammars are either unmaintained (`@neo4j-cypher/antlr4`) or a
 * prerelease editor toolkit (`@neo4j-cypher/language-support`) whose ANTLR tree of the whole
 * Cypher 25 grammar would take more code to map onto our subset than this parser, and could not
 * name "the unsupported part" as plainly. Anything outside the subset is an error with its position.
 */
import type {
  BinaryOperator,
  Clause,
  Direction,
  Expression,
  ExpressionBody,
  NodePattern,
  PatternPart,
  Projection,
  ProjectionItem,
  Query,
  RelationshipPattern,
  SortItem,
} from './ast.js';
import { QueryError, type Position } from './errors.js';
import { tokenize, type Token } from './lexer.js';

const WRITE_CLAUSES = new Set(['CREATE', 'MERGE', 'SET', 'DELETE', 'DETACH', 'REMOVE', 'FOREACH', 'LOAD', 'DROP', 'ALTER', 'GRANT', 'REVOKE', 'TERMINATE', 'START', 'STOP']);
const OTHER_CLAUSES = new Set(['CALL', 'USE', 'SHOW', 'FINISH', 'INSERT', 'FILTER', 'LET', 'NEXT', 'EXPLAIN', 'PROFILE', 'USING']);
/** Words that end an expression or start a clause, so they cannot be variables unquoted (any word may follow AS). */
const RESERVED = new Set([
  'MATCH', 'OPTIONAL', 'WHERE', 'WITH', 'RETURN', 'UNWIND', 'ORDER', 'SKIP', 'LIMIT', 'AS', 'AND', 'OR', 'XOR', 'NOT', 'IN',
  'STARTS', 'ENDS', 'CONTAINS', 'IS', 'UNION', 'DISTINCT', 'CASE', 'WHEN', 'THEN', 'ELSE', 'END', 'BY', 'ASC', 'DESC',
  'ASCENDING', 'DESCENDING', 'CREATE', 'MERGE', 'SET', 'DELETE', 'DETACH', 'REMOVE', 'FOREACH', 'LOAD', 'CALL', 'USE',
]);
const COMPARISONS = new Set(['=', '<>', '!=', '<', '>', '<=', '>=']);

/** Parse a query; throws `QueryError` with line:column for bad syntax or anything outside the subset. */
export function parseQuery(text: string): Query {
  return new Parser(text).parseQuery();
}

class Parser {
  private readonly tokens: Token[];
  private index = 0;

  constructor(private readonly text: string) {
    this.tokens = tokenize(text);
  }

  parseQuery(): Query {
    const parts = [this.parseSingleQuery()];
    let unionAll: boolean | undefined;
    while (this.acceptKeyword('UNION')) {
      const all = this.acceptKeyword('ALL');
      if (unionAll !== undefined && unionAll !== all) throw this.error('cannot mix UNION and UNION ALL');
      unionAll = all;
      parts.push(this.parseSingleQuery());
    }
    this.acceptSymbol(';');
    if (this.peek().kind !== 'end') throw this.unexpected();
    return { parts, unionAll: unionAll ?? false };
  }

  // --- clauses ---

  private parseSingleQuery(): Clause[] {
    const clauses: Clause[] = [];
    for (;;) {
      const token = this.peek();
      const clause = this.parseClause();
      if (!clause) break;
      if (clauses.at(-1)?.kind === 'return') throw new QueryError(`${describe(token)} after RETURN: RETURN must be the last clause`, token.position);
      clauses.push(clause);
    }
    const last = clauses.at(-1);
    if (!last) throw this.unexpected('expected MATCH, OPTIONAL MATCH, UNWIND, WITH or RETURN');
    if (last.kind !== 'return') throw this.error('the query must end with RETURN');
    return clauses;
  }

  private parseClause(): Clause | undefined {
    const token = this.peek();
    const position = token.position;
    const word = this.keyword();
    if (word === 'MATCH' || word === 'OPTIONAL') {
      this.next();
      const optional = word === 'OPTIONAL';
      if (optional) this.expectKeyword('MATCH');
      const patterns = [this.parsePatternPart()];
      while (this.acceptSymbol(',')) patterns.push(this.parsePatternPart());
      if (this.keyword() === 'USING') throw this.unsupported('USING hints');
      const where = this.acceptKeyword('WHERE') ? this.parseExpression() : undefined;
      return { kind: 'match', optional, patterns, where, position };
    }
    if (word === 'UNWIND') {
      this.next();
      const expression = this.parseExpression();
      this.expectKeyword('AS');
      return { kind: 'unwind', expression, variable: this.parseName('a name after AS'), position };
    }
    if (word === 'WITH') {
      this.next();
      const projection = this.parseProjection();
      const where = this.acceptKeyword('WHERE') ? this.parseExpression() : undefined;
      return { kind: 'with', projection, where, position };
    }
    if (word === 'RETURN') {
      this.next();
      return { kind: 'return', projection: this.parseProjection(), position };
    }
    if (word && WRITE_CLAUSES.has(word)) throw new QueryError(`${word} is not supported: kg query is read-only`, position);
    if (word && OTHER_CLAUSES.has(word)) throw new QueryError(`${word} is not supported by kg query`, position);
    return undefined;
  }

  private parseProjection(): Projection {
    const distinct = this.acceptKeyword('DISTINCT');
    let star = false;
    const items: ProjectionItem[] = [];
    if (this.acceptSymbol('*')) {
      star = true;
      if (this.acceptSymbol(',')) items.push(...this.parseProjectionItems());
    } else {
      items.push(...this.parseProjectionItems());
    }
    const orderBy: SortItem[] = [];
    if (this.acceptKeyword('ORDER')) {
      this.expectKeyword('BY');
      do {
        const expression = this.parseExpression();
        let descending = false;
        if (this.acceptKeyword('DESC') || this.acceptKeyword('DESCENDING')) descending = true;
        else if (!this.acceptKeyword('ASC')) this.acceptKeyword('ASCENDING');
        orderBy.push({ expression, descending });
      } while (this.acceptSymbol(','));
    }
    const skip = this.acceptKeyword('SKIP') || this.acceptKeyword('OFFSET') ? this.parseExpression() : undefined;
    const limit = this.acceptKeyword('LIMIT') ? this.parseExpression() : undefined;
    return { distinct, star, items, orderBy, skip, limit };
  }

  private parseProjectionItems(): ProjectionItem[] {
    const items: ProjectionItem[] = [];
    do {
      const expression = this.parseExpression();
      const name = this.acceptKeyword('AS') ? this.parseName('a name after AS') : expression.text;
      items.push({ expression, name });
    } while (this.acceptSymbol(','));
    return items;
  }

  // --- patterns ---

  private parsePatternPart(): PatternPart {
    const position = this.peek().position;
    let variable: string | undefined;
    if (this.peek().kind === 'identifier' && this.peek(1).value === '=' && this.peek(1).kind === 'symbol') {
      variable = this.parseVariableName();
      this.next();
    }
    const word = this.keyword();
    if (word === 'SHORTESTPATH' || word === 'ALLSHORTESTPATHS') {
      this.next();
      this.expectSymbol('(');
      const chain = this.parsePatternChain();
      this.expectSymbol(')');
      if (chain.relationships.length !== 1) throw new QueryError(`${word === 'SHORTESTPATH' ? 'shortestPath' : 'allShortestPaths'} needs exactly one relationship pattern`, position);
      return { ...chain, variable, shortest: word === 'SHORTESTPATH' ? 'one' : 'all', position };
    }
    if (word === 'SHORTEST' || word === 'ANY' || word === 'ALL') {
      if (this.peek(1).kind !== 'symbol' || this.peek(1).value !== '(') throw this.unsupported(`${word} path selectors`);
    }
    return { ...this.parsePatternChain(), variable, position };
  }

  private parsePatternChain(): PatternPart {
    const position = this.peek().position;
    const nodes = [this.parseNodePattern()];
    const relationships: RelationshipPattern[] = [];
    while (this.atRelationshipStart()) {
      relationships.push(this.parseRelationshipPattern());
      nodes.push(this.parseNodePattern());
    }
    return { nodes, relationships, position };
  }

  private atRelationshipStart(): boolean {
    const a = this.peek();
    const b = this.peek(1);
    if (a.kind !== 'symbol') return false;
    if (a.value === '<') return b.kind === 'symbol' && b.value === '-';
    return a.value === '-' && b.kind === 'symbol' && (b.value === '-' || b.value === '[' || b.value === '>');
  }

  private parseNodePattern(): NodePattern {
    const position = this.peek().position;
    this.expectSymbol('(');
    const variable = this.peek().kind === 'identifier' && !this.isReservedHere() ? this.parseVariableName() : undefined;
    const labels: string[] = [];
    while (this.acceptSymbol(':')) {
      labels.push(this.parseName('a label'));
      if (this.atSymbol('|') || this.atSymbol('&') || this.atSymbol('!')) throw this.unsupported('label expressions (|, &, !) in node patterns');
    }
    const properties = this.parsePropertyConstraint();
    if (this.keyword() === 'WHERE') throw this.unsupported('WHERE inside a node pattern');
    this.expectSymbol(')');
    return { variable, labels, properties, position };
  }

  private parseRelationshipPattern(): RelationshipPattern {
    const position = this.peek().position;
    const incoming = this.acceptSymbol('<');
    this.expectSymbol('-');
    let variable: string | undefined;
    const types: string[] = [];
    let properties: Expression | undefined;
    let length: RelationshipPattern['length'];
    if (this.acceptSymbol('[')) {
      if (this.peek().kind === 'identifier' && !this.isReservedHere()) variable = this.parseVariableName();
      if (this.acceptSymbol(':')) {
        types.push(this.parseName('a relationship type'));
        while (this.acceptSymbol('|')) {
          this.acceptSymbol(':');
          types.push(this.parseName('a relationship type'));
        }
      }
      if (this.acceptSymbol('*')) length = this.parseLength();
      properties = this.parsePropertyConstraint();
      if (this.keyword() === 'WHERE') throw this.unsupported('WHERE inside a relationship pattern');
      this.expectSymbol(']');
    }
    this.expectSymbol('-');
    const outgoing = this.acceptSymbol('>');
    if (incoming && outgoing) throw new QueryError('a relationship cannot point both ways (<-->); leave out the arrows to match either direction', position);
    const direction: Direction = incoming ? 'in' : outgoing ? 'out' : 'both';
    return { variable, types, direction, properties, length, position };
  }

  private parseLength(): { min: number; max?: number } {
    const first = this.peek().kind === 'number' ? this.parseInteger() : undefined;
    if (this.acceptSymbol('..')) {
      const max = this.peek().kind === 'number' ? this.parseInteger() : undefined;
      return { min: first ?? 1, max };
    }
    return first === undefined ? { min: 1 } : { min: first, max: first };
  }

  private parseInteger(): number {
    const token = this.next();
    if (!Number.isInteger(token.number)) throw new QueryError('expected a whole number', token.position);
    return token.number!;
  }

  private parsePropertyConstraint(): Expression | undefined {
    if (this.atSymbol('{')) return this.parseMapLiteral();
    if (this.peek().kind === 'parameter') return this.parsePrimary();
    return undefined;
  }

  // --- expressions, loosest binding first ---

  parseExpression(): Expression {
    return this.parseBinaryLevel(0);
  }

  private parseBinaryLevel(level: number): Expression {
    const operators = (['OR', 'XOR', 'AND'] as const)[level];
    if (!operators) return this.parseNot();
    const start = this.index;
    let left = this.parseBinaryLevel(level + 1);
    while (this.acceptKeyword(operators)) {
      const right = this.parseBinaryLevel(level + 1);
      left = this.finish(start, { kind: 'binary', operator: operators, left, right });
    }
    return left;
  }

  private parseNot(): Expression {
    const start = this.index;
    if (this.acceptKeyword('NOT')) return this.finish(start, { kind: 'not', operand: this.parseNot() });
    return this.parseComparison();
  }

  private parseComparison(): Expression {
    const start = this.index;
    let left = this.parsePredicate();
    while (this.peek().kind === 'symbol' && COMPARISONS.has(this.peek().value)) {
      const symbol = this.next().value;
      const operator = (symbol === '!=' ? '<>' : symbol) as BinaryOperator;
      left = this.finish(start, { kind: 'binary', operator, left, right: this.parsePredicate() });
    }
    return left;
  }

  /** IN, STARTS WITH, ENDS WITH, CONTAINS, =~, IS [NOT] NULL. */
  private parsePredicate(): Expression {
    const start = this.index;
    let left = this.parseAdditive();
    for (;;) {
      let operator: BinaryOperator | undefined;
      if (this.acceptKeyword('IN')) operator = 'IN';
      else if (this.acceptKeyword('CONTAINS')) operator = 'CONTAINS';
      else if (this.acceptSymbol('=~')) operator = '=~';
      else if (this.acceptKeyword('STARTS')) {
        this.expectKeyword('WITH');
        operator = 'STARTS WITH';
      } else if (this.acceptKeyword('ENDS')) {
        this.expectKeyword('WITH');
        operator = 'ENDS WITH';
      } else if (this.acceptKeyword('IS')) {
        const negated = this.acceptKeyword('NOT');
        if (this.keyword() !== 'NULL') throw this.unsupported(`IS ${negated ? 'NOT ' : ''}${describe(this.peek())} (only IS NULL and IS NOT NULL)`);
        this.next();
        left = this.finish(start, { kind: 'isNull', operand: left, negated });
        continue;
      }
      if (!operator) return left;
      left = this.finish(start, { kind: 'binary', operator, left, right: this.parseAdditive() });
    }
  }

  private parseAdditive(): Expression {
    return this.parseLeftAssociative(['+', '-'], () => this.parseMultiplicative());
  }

  private parseMultiplicative(): Expression {
    return this.parseLeftAssociative(['*', '/', '%'], () => this.parsePower());
  }

  private parsePower(): Expression {
    return this.parseLeftAssociative(['^'], () => this.parseUnary());
  }

  private parseLeftAssociative(symbols: string[], operand: () => Expression): Expression {
    const start = this.index;
    let left = operand();
    while (symbols.some((symbol) => this.atSymbol(symbol))) {
      const operator = this.next().value as BinaryOperator;
      left = this.finish(start, { kind: 'binary', operator, left, right: operand() });
    }
    return left;
  }

  private parseUnary(): Expression {
    const start = this.index;
    if (this.acceptSymbol('-')) return this.finish(start, { kind: 'negate', operand: this.parseUnary() });
    if (this.acceptSymbol('+')) return this.parseUnary();
    return this.parsePostfix();
  }

  private parsePostfix(): Expression {
    const start = this.index;
    let expression = this.parsePrimary();
    for (;;) {
      if (this.atSymbol('.')) {
        this.next();
        const key = this.parseName('a property name');
        expression = this.finish(start, { kind: 'property', object: expression, key });
      } else if (this.atSymbol('[')) {
        this.next();
        if (this.acceptSymbol('..')) {
          const to = this.atSymbol(']') ? undefined : this.parseExpression();
          this.expectSymbol(']');
          expression = this.finish(start, { kind: 'slice', object: expression, to });
          continue;
        }
        const index = this.parseExpression();
        if (this.acceptSymbol('..')) {
          const to = this.atSymbol(']') ? undefined : this.parseExpression();
          this.expectSymbol(']');
          expression = this.finish(start, { kind: 'slice', object: expression, from: index, to });
          continue;
        }
        this.expectSymbol(']');
        expression = this.finish(start, { kind: 'index', object: expression, index });
      } else if (this.atSymbol(':')) {
        const labels: string[] = [];
        while (this.acceptSymbol(':')) labels.push(this.parseName('a label'));
        expression = this.finish(start, { kind: 'hasLabels', operand: expression, labels });
      } else if (this.atSymbol('{') && expression.kind === 'variable') {
        throw this.unsupported('map projections (n {.name})');
      } else {
        return expression;
      }
    }
  }

  private parsePrimary(): Expression {
    const start = this.index;
    const token = this.peek();
    if (token.kind === 'number') {
      this.next();
      return this.finish(start, { kind: 'literal', value: token.number! });
    }
    if (token.kind === 'string') {
      this.next();
      return this.finish(start, { kind: 'literal', value: token.value });
    }
    if (token.kind === 'parameter') {
      this.next();
      return this.finish(start, { kind: 'parameter', name: token.value });
    }
    if (token.kind === 'symbol') {
      if (token.value === '[') return this.parseListOrComprehension();
      if (token.value === '{') return this.parseMapLiteral();
      if (token.value === '(') return this.parseParenthesized();
      throw this.unexpected();
    }
    if (token.kind !== 'identifier') throw this.unexpected('expected an expression');
    const word = token.quoted ? undefined : token.value.toUpperCase();
    if (word === 'TRUE' || word === 'FALSE') {
      this.next();
      return this.finish(start, { kind: 'literal', value: word === 'TRUE' });
    }
    if (word === 'NULL') {
      this.next();
      return this.finish(start, { kind: 'literal', value: null });
    }
    if (word === 'CASE') return this.parseCase();
    if (word === 'EXISTS' && this.peek(1).value === '{') {
      this.next();
      this.next();
      if (['MATCH', 'OPTIONAL', 'WITH', 'RETURN', 'UNWIND'].includes(this.keyword() ?? '')) throw this.unsupported('EXISTS { } subqueries with clauses (use EXISTS { (a)-->(b) })');
      const pattern = this.parsePatternChain();
      this.expectSymbol('}');
      return this.finish(start, { kind: 'pattern', pattern });
    }
    if (word === 'COUNT' && this.peek(1).value === '{') throw this.unsupported('COUNT { } subqueries');
    if ((word === 'ALL' || word === 'ANY' || word === 'NONE' || word === 'SINGLE') && this.peek(1).value === '(') {
      this.next();
      this.next();
      const variable = this.parseVariableName();
      this.expectKeyword('IN');
      const source = this.parseExpression();
      this.expectKeyword('WHERE');
      const where = this.parseExpression();
      this.expectSymbol(')');
      return this.finish(start, { kind: 'quantifier', quantifier: word.toLowerCase() as 'all', variable, source, where });
    }
    if (word && RESERVED.has(word)) throw this.unexpected();
    // A function call: name, maybe namespaced (`apoc.x.y`), then `(`.
    let lookahead = 1;
    while (this.peek(lookahead).value === '.' && this.peek(lookahead + 1).kind === 'identifier') lookahead += 2;
    if (this.peek(lookahead).kind === 'symbol' && this.peek(lookahead).value === '(') {
      const parts: string[] = [];
      for (let i = 0; i < lookahead; i += 2) parts.push(this.peek(i).value);
      this.index += lookahead + 1;
      const name = parts.join('.');
      if (this.acceptSymbol('*')) {
        this.expectSymbol(')');
        if (name.toLowerCase() !== 'count') throw new QueryError(`${name}(*) is not valid; only count(*)`, token.position);
        return this.finish(start, { kind: 'call', name: 'count', args: [], distinct: false, star: true });
      }
      const distinct = this.acceptKeyword('DISTINCT');
      const args: Expression[] = [];
      if (!this.atSymbol(')')) {
        do args.push(this.parseExpression());
        while (this.acceptSymbol(','));
      }
      this.expectSymbol(')');
      return this.finish(start, { kind: 'call', name: name.toLowerCase(), args, distinct, star: false });
    }
    this.next();
    return this.finish(start, { kind: 'variable', name: token.value });
  }

  private parseParenthesized(): Expression {
    const start = this.index;
    // `(a)-[:X]->(b)` in an expression is a pattern predicate; try it first, else `( expression )`.
    try {
      const pattern = this.parsePatternChain();
      if (pattern.relationships.length > 0) return this.finish(start, { kind: 'pattern', pattern });
    } catch (error) {
      if (!(error instanceof QueryError)) throw error;
    }
    this.index = start;
    this.expectSymbol('(');
    const inner = this.parseExpression();
    this.expectSymbol(')');
    return inner;
  }

  private parseListOrComprehension(): Expression {
    const start = this.index;
    this.expectSymbol('[');
    if (this.peek().kind === 'identifier' && this.peek(1).kind === 'identifier' && this.peek(1).value.toUpperCase() === 'IN' && !this.peek(1).quoted) {
      const variable = this.parseVariableName();
      this.next();
      const source = this.parseExpression();
      const where = this.acceptKeyword('WHERE') ? this.parseExpression() : undefined;
      const map = this.acceptSymbol('|') ? this.parseExpression() : undefined;
      this.expectSymbol(']');
      return this.finish(start, { kind: 'listComprehension', variable, source, where, map });
    }
    if (this.atSymbol('(') && this.looksLikePattern()) throw this.unsupported('pattern comprehensions ([(a)-->(b) | b.name])');
    const items: Expression[] = [];
    if (!this.atSymbol(']')) {
      do items.push(this.parseExpression());
      while (this.acceptSymbol(','));
    }
    this.expectSymbol(']');
    return this.finish(start, { kind: 'list', items });
  }

  private looksLikePattern(): boolean {
    const start = this.index;
    try {
      return this.parsePatternChain().relationships.length > 0;
    } catch {
      return false;
    } finally {
      this.index = start;
    }
  }

  private parseMapLiteral(): Expression {
    const start = this.index;
    this.expectSymbol('{');
    const entries: Array<[string, Expression]> = [];
    if (!this.atSymbol('}')) {
      do {
        const key = this.parseName('a map key');
        this.expectSymbol(':');
        entries.push([key, this.parseExpression()]);
      } while (this.acceptSymbol(','));
    }
    this.expectSymbol('}');
    return this.finish(start, { kind: 'map', entries });
  }

  private parseCase(): Expression {
    const start = this.index;
    this.next();
    const subject = this.keyword() === 'WHEN' ? undefined : this.parseExpression();
    const whens: Array<[Expression, Expression]> = [];
    while (this.acceptKeyword('WHEN')) {
      const when = this.parseExpression();
      this.expectKeyword('THEN');
      whens.push([when, this.parseExpression()]);
    }
    if (whens.length === 0) throw this.unexpected('expected WHEN');
    const otherwise = this.acceptKeyword('ELSE') ? this.parseExpression() : undefined;
    this.expectKeyword('END');
    return this.finish(start, { kind: 'case', subject, whens, otherwise });
  }

  // --- tokens ---

  private finish(start: number, node: ExpressionBody): Expression {
    const first = this.tokens[start]!;
    const last = this.tokens[this.index - 1]!;
    return { ...node, text: this.text.slice(first.start, last.end), position: first.position };
  }

  private peek(ahead = 0): Token {
    return this.tokens[Math.min(this.index + ahead, this.tokens.length - 1)]!;
  }

  private next(): Token {
    const token = this.peek();
    if (this.index < this.tokens.length - 1) this.index++;
    return token;
  }

  /** The upper-cased word at the cursor, if it is an unquoted identifier. */
  private keyword(): string | undefined {
    const token = this.peek();
    return token.kind === 'identifier' && !token.quoted ? token.value.toUpperCase() : undefined;
  }

  private isReservedHere(): boolean {
    const word = this.keyword();
    return word !== undefined && RESERVED.has(word);
  }

  private acceptKeyword(word: string): boolean {
    if (this.keyword() !== word) return false;
    this.next();
    return true;
  }

  private expectKeyword(word: string): void {
    if (!this.acceptKeyword(word)) throw this.unexpected(`expected ${word}`);
  }

  private atSymbol(symbol: string): boolean {
    const token = this.peek();
    return token.kind === 'symbol' && token.value === symbol;
  }

  private acceptSymbol(symbol: string): boolean {
    if (!this.atSymbol(symbol)) return false;
    this.next();
    return true;
  }

  private expectSymbol(symbol: string): void {
    if (!this.acceptSymbol(symbol)) throw this.unexpected(`expected '${symbol}'`);
  }

  private parseName(what: string): string {
    const token = this.peek();
    if (token.kind !== 'identifier') throw this.unexpected(`expected ${what}`);
    this.next();
    return token.value;
  }

  private parseVariableName(): string {
    const token = this.peek();
    if (token.kind !== 'identifier' || (this.isReservedHere() && !token.quoted)) throw this.unexpected('expected a variable name');
    this.next();
    return token.value;
  }

  private unexpected(expectation?: string): QueryError {
    const token = this.peek();
    const word = this.keyword();
    if (word && WRITE_CLAUSES.has(word)) return new QueryError(`${word} is not supported: kg query is read-only`, token.position);
    if (word && OTHER_CLAUSES.has(word)) return new QueryError(`${word} is not supported by kg query`, token.position);
    return new QueryError(`unexpected ${describe(token)}${expectation ? `: ${expectation}` : ''}`, token.position);
  }

  private unsupported(what: string): QueryError {
    return new QueryError(`not supported by kg query: ${what}`, this.peek().position);
  }

  private error(message: string, position: Position = this.peek().position): QueryError {
    return new QueryError(message, position);
  }
}

function describe(token: Token): string {
  if (token.kind === 'end') return 'end of query';
  if (token.kind === 'string') return `string '${token.value}'`;
  if (token.kind === 'parameter') return `$${token.value}`;
  return `'${token.value}'`;
}
