package fr.passerelle.gateway.healthspace.dmp;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.xml.soap.SOAPConstants;
import jakarta.xml.soap.SOAPException;
import jakarta.xml.soap.SOAPFactory;
import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.net.SocketException;
import java.nio.charset.MalformedInputException;
import java.util.ListResourceBundle;
import java.util.ResourceBundle;
import javax.xml.namespace.QName;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.common.i18n.Message;
import org.apache.cxf.interceptor.Fault;
import org.junit.jupiter.api.Test;

/**
 * A failure is classified by the types and CXF fault fields of its cause chain, never by its message text: the same
 * words in another fault, or CXF's text in another language, change nothing. The WireMock tests (DmpFaultTest,
 * DmpMutualTlsTest) show the real CXF chains end as they did; these pin the rules on chains built as CXF builds them.
 */
class DmpFailureClassificationTest {

    /** CXF's message bundle in another language: the key stays, the text changes. */
    private static final ResourceBundle FRENCH = new ListResourceBundle() {
        @Override
        protected Object[][] getContents() {
            return new Object[][] {{DmpSoapClient.HTML_ANSWER, "Réponse de type text/html inattendue : {0}"},
                {"OTHER", "Réponse ContentType HTTP response illisible"}};
        }
    };

    @Test
    void anHtmlPageRefusedByCxfIsAnHttpErrorWhateverTheLanguageOfItsText() throws SOAPException {
        Fault html = new Fault(new Message(DmpSoapClient.HTML_ANSWER, FRENCH, "<html>Erreur</html>"));

        DmpFailure failure = DmpSoapClient.classifyFault(DmpOperation.FIND_DOCUMENTS, soapFaultCausedBy(html));

        assertThat(html.getMessage()).doesNotContain("ContentType");
        assertThat(failure.kind()).isEqualTo(DmpFailure.Kind.HTTP_ERROR);
        assertThat(failure.getMessage()).doesNotContain("Erreur");
    }

    @Test
    void anotherCxfFaultIsAnUnreadableAnswerEvenIfItsTextNamesAContentTypeOrAnHttpResponse() throws SOAPException {
        Fault other = new Fault(new Message("OTHER", FRENCH));

        DmpFailure failure = DmpSoapClient.classifyFault(DmpOperation.FIND_DOCUMENTS, soapFaultCausedBy(other));

        assertThat(failure.kind()).isEqualTo(DmpFailure.Kind.MALFORMED_RESPONSE);
    }

    @Test
    void aFaultTheDmpSentIsASoapFaultWhateverItsReasonSays() throws SOAPException {
        SoapFault sent = new SoapFault("HTTP response ContentType", new QName(SOAPConstants.URI_NS_SOAP_1_2_ENVELOPE,
                "Receiver"));

        DmpFailure failure = DmpSoapClient.classifyFault(DmpOperation.FIND_DOCUMENTS, soapFaultCausedBy(sent));

        assertThat(failure.kind()).isEqualTo(DmpFailure.Kind.SOAP_FAULT);
    }

    @Test
    void aCharsetErrorWhileSendingIsUnreachableAndAnyOtherFailureAnUnexpectedAnswer() {
        WebServiceException notSent = new WebServiceException("Impossible d'envoyer le message",
                new MalformedInputException(1));
        WebServiceException wordsOnly = new WebServiceException("Could not send Message. HTTP response '503'");

        assertThat(DmpSoapClient.classify(DmpOperation.GET_DOCUMENTS, notSent).kind())
                .isEqualTo(DmpFailure.Kind.UNREACHABLE);
        assertThat(DmpSoapClient.classify(DmpOperation.GET_DOCUMENTS, wordsOnly).kind())
                .isEqualTo(DmpFailure.Kind.MALFORMED_RESPONSE);
        assertThat(DmpSoapClient.classify(DmpOperation.GET_DOCUMENTS,
                new WebServiceException("x", new SocketException("reset"))).kind())
                .isEqualTo(DmpFailure.Kind.UNREACHABLE);
    }

    /** As CXF's DispatchImpl reports an inbound fault: a SOAPFaultException caused by the CXF fault. */
    private static SOAPFaultException soapFaultCausedBy(Fault cause) throws SOAPException {
        SOAPFaultException exception = new SOAPFaultException(SOAPFactory.newInstance(
                SOAPConstants.SOAP_1_2_PROTOCOL).createFault(cause.getMessage(),
                new QName(SOAPConstants.URI_NS_SOAP_1_2_ENVELOPE, "Receiver")));
        exception.initCause(cause);
        return exception;
    }
}
