package fr.passerelle.translation.cda;

/**
 * A value of the source that its HL7 data type does not allow: a quantity written with a decimal comma, a
 * repetition count that is not an integer. The reader keeps the value as written; writers leave it out of
 * structured values (never guessing what was meant) and every translation reports it with its XPath.
 *
 * @param source where the value is (the element carrying the attribute)
 * @param what   the kind of value in a few words, without the value itself ("quantity value")
 * @param rule   what HL7 expects there ("a decimal number with a point")
 */
public record IrregularValue(SourceRef source, String what, String rule) {
}
