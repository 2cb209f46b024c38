/**
 * A formula outside the forms the evaluator knows (another sheet, an unknown function, a cell
 * that cannot be computed…): thrown anywhere below evaluateFormula, which answers undefined.
 */
export class Unsupported extends Error {}
