package fr.passerelle.gateway;

import fr.passerelle.gateway.cli.OperatorCommands;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Passerelle, France's National Contact Point for eHealth.
 *
 * <p>With no arguments (or only {@code --property=value} arguments) this starts the gateway server; with a
 * command name as first argument it runs that operator command and exits with its status.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PasserelleApplication {

    public static void main(String[] args) {
        if (OperatorCommands.isCommandLine(args)) {
            OperatorCommands.logToStandardError();
            System.exit(OperatorCommands.discover().run(args, System.out, System.err));
        }
        SpringApplication.run(PasserelleApplication.class, args);
    }
}
