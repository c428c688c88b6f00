package fr.passerelle.gateway.soap;

/**
 * The body has the right element but lacks what the transaction needs (no patient id, unreadable date…). Answered
 * as a Sender fault whose reason says precisely what is wrong, without quoting the request.
 */
public final class MalformedRequest extends RuntimeException {

    public MalformedRequest(String reason) {
        super(reason, null, false, false);
    }

    public EnvelopeFault asFault() {
        return new EnvelopeFault(EnvelopeFault.Code.SENDER, null, "REQUEST_MALFORMED", getMessage());
    }
}
