package fr.passerelle.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class OperatorCommandsTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private final OperatorCommands commands = new OperatorCommands(List.of(
            new Recording("trust verify"), new Recording("translate")));

    @Test
    void serverWhenNoArgumentsOrOnlySpringProperties() {
        assertThat(OperatorCommands.isCommandLine(new String[0])).isFalse();
        assertThat(OperatorCommands.isCommandLine(new String[] {"--server.port=9090"})).isFalse();
        assertThat(OperatorCommands.isCommandLine(new String[] {"translate", "x.xml"})).isTrue();
        assertThat(OperatorCommands.isCommandLine(new String[] {"--help"})).isTrue();
    }

    @Test
    void helpListsEveryCommand() {
        int status = run("--help");

        assertThat(status).isZero();
        assertThat(text(out)).contains("trust verify").contains("translate").contains("summary of translate");
    }

    @Test
    void dispatchesMultiWordCommandWithRemainingArguments() {
        int status = run("trust", "verify", "--at", "2025-07-26T11:40:00Z", "header.xml");

        assertThat(status).isEqualTo(7);
        assertThat(text(out)).isEqualTo("trust verify [--at, 2025-07-26T11:40:00Z, header.xml]");
    }

    @Test
    void unknownCommandIsAUsageError() {
        int status = run("frobnicate");

        assertThat(status).isEqualTo(OperatorCommands.USAGE_ERROR);
        assertThat(text(err)).contains("unknown command 'frobnicate'").contains("Commands:");
    }

    @Test
    void commandHelpPrintsUsageWithoutRunning() {
        int status = run("translate", "--help");

        assertThat(status).isZero();
        assertThat(text(out)).contains("usage of translate");
    }

    private int run(String... args) {
        return commands.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8).trim();
    }

    private record Recording(String name) implements OperatorCommand {
        @Override
        public String summary() {
            return "summary of " + name;
        }

        @Override
        public String usage() {
            return "usage of " + name;
        }

        @Override
        public int run(List<String> args, PrintStream out, PrintStream err) {
            out.print(name + " " + args);
            return 7;
        }
    }
}
