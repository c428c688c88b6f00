package fr.passerelle.gateway.xdr;

import fr.passerelle.gateway.ihe.ProtocolModel;
import java.util.List;
import org.w3c.dom.Node;

/** The XDR answer written by main's writer and by this branch's (one-off proof, see xca.WritersMatchBeforeTest). */
public final class WritersMatchBeforeXdr {

    private WritersMatchBeforeXdr() {
    }

    public static List<Node> both(DispensationOutcome outcome) {
        return List.of(new BeforeRegistryResponseWriter(ProtocolModel.XDS).write(outcome),
                new RegistryResponseWriter(ProtocolModel.XDS).write(outcome));
    }
}
