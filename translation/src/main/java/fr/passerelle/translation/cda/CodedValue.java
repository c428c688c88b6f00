package fr.passerelle.translation.cda;

import java.util.List;

/**
 * A coded element as found in the source: its code, code system (OID), display, the translations the
 * author already gave (e.g. an ATC code beside a CIS code) and where it was.
 */
public record CodedValue(String code, String codeSystem, String displayName, List<CodedValue> translations,
                         SourceRef source) {

    public CodedValue {
        translations = translations == null ? List.of() : List.copyOf(translations);
    }

    public boolean isCoded() {
        return code != null && codeSystem != null;
    }

    /** The first of this code or its translations in the given code system, if any. */
    public CodedValue inSystem(String system) {
        if (system.equals(codeSystem)) {
            return this;
        }
        for (CodedValue t : translations) {
            if (system.equals(t.codeSystem())) {
                return t;
            }
        }
        return null;
    }
}
