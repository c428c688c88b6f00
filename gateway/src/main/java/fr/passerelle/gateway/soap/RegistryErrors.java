package fr.passerelle.gateway.soap;

import java.util.List;
import org.w3c.dom.Element;

/** Writes an ebRS {@code RegistryErrorList}: one {@code RegistryError} per refusal, with its location. */
public final class RegistryErrors {

    public static final String ERROR_SEVERITY = "urn:oasis:names:tc:ebxml-regrep:ErrorSeverityType:Error";

    /** One error line: the refusal and where it applies (a document uniqueId, or empty for the whole request). */
    public record Line(BusinessRefusal refusal, String location) {
        public Line {
            java.util.Objects.requireNonNull(refusal, "refusal");
            location = location == null ? "" : location;
        }
    }

    private RegistryErrors() {
    }

    public static void append(Element parent, List<Line> lines) {
        if (lines.isEmpty()) {
            return;
        }
        Element list = XmlTree.append(parent, Namespaces.RS, "rs:RegistryErrorList");
        list.setAttribute("highestSeverity", ERROR_SEVERITY);
        for (Line line : lines) {
            Element error = XmlTree.append(list, Namespaces.RS, "rs:RegistryError");
            error.setAttribute("errorCode", line.refusal().code().code());
            error.setAttribute("codeContext", line.refusal().context());
            error.setAttribute("location", line.location());
            error.setAttribute("severity", ERROR_SEVERITY);
        }
    }
}
