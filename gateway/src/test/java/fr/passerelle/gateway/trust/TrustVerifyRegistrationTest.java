package fr.passerelle.gateway.trust;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.cli.OperatorCommand;
import fr.passerelle.gateway.cli.OperatorCommands;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code java -jar passerelle.jar trust verify …} reaches the command through the ServiceLoader registration. */
class TrustVerifyRegistrationTest {

    @Test
    void theJarDispatchesTrustVerify() {
        OperatorCommands commands = OperatorCommands.discover();
        assertThat(commands.commands()).extracting(OperatorCommand::name).contains("trust verify");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = commands.run(new String[] {"trust", "verify", "--at", "2025-07-26T11:40:00Z", "header.xml"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--trust-list is required", "Usage: trust verify");
    }
}
