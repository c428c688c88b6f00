package fr.passerelle.gateway.ihe;

import jakarta.activation.DataHandler;
import jakarta.xml.bind.attachment.AttachmentMarshaller;

/**
 * Marshals a protocol-model message whose documents are {@code byte[]} as an MTOM/XOP package: each document leaves
 * the body as a part (subclasses say which part, under which Content-ID). The generated model holds documents as
 * bytes only, so the other attachment kinds JAXB knows cannot occur and are refused.
 */
public abstract class BytePartMarshaller extends AttachmentMarshaller {

    @Override
    public final boolean isXOPPackage() {
        return true;
    }

    @Override
    public final String addMtomAttachment(DataHandler data, String namespace, String localName) {
        throw new IllegalStateException("The protocol model carries documents as bytes");
    }

    @Override
    public final String addSwaRefAttachment(DataHandler data) {
        throw new IllegalStateException("The protocol model carries documents as bytes");
    }
}
