package fr.passerelle.translation.ehdsi;

import fr.passerelle.translation.SharedSamples;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/** The eHDSI pharm-extended CDA schema from src/fixtures, for validating pivot outputs in tests. */
public final class PivotSchema {

    private static Schema schema;

    private PivotSchema() {
    }

    public static synchronized List<String> errors(String xml) throws Exception {
        if (schema == null) {
            SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            schema = f.newSchema(SharedSamples.EHDSI.resolve("schema/CDA_Pharma.xsd").toFile());
        }
        List<String> errors = new ArrayList<>();
        Validator v = schema.newValidator();
        v.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
            }
        });
        v.validate(new StreamSource(new StringReader(xml)));
        return errors;
    }
}
