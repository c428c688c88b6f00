package fr.passerelle.gateway.audit;

import fr.passerelle.gateway.cli.OperatorCommand;
import java.io.PrintStream;
import java.util.List;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * {@code audit verify}: verifies the trail straight on the database, without starting the gateway. Exit 0 intact,
 * 1 broken (with the first broken record and why), 2 usage error.
 */
public class AuditVerifyCommand implements OperatorCommand {

    static final String DEFAULT_URL = "jdbc:h2:file:./data/passerelle;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
            + "DEFAULT_NULL_ORDERING=HIGH";

    @Override
    public String name() {
        return "audit verify";
    }

    @Override
    public String summary() {
        return "verify the hash chain of the audit trail (edited, deleted or re-ordered records)";
    }

    @Override
    public String usage() {
        return """
                Usage: java -jar passerelle.jar audit verify [--url JDBC_URL] [--user USER]
                  --url   the gateway's database (default: the embedded H2 database under ./data)
                  --user  database user (default: sa for H2, postgres otherwise)
                The password, if any, is read from the environment variable PASSERELLE_DB_PASSWORD.
                Exit status: 0 intact, 1 broken or unreadable, 2 usage error.""";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        String url = DEFAULT_URL;
        String user = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if ((arg.equals("--url") || arg.equals("--user")) && i + 1 < args.size()) {
                if (arg.equals("--url")) {
                    url = args.get(++i);
                } else {
                    user = args.get(++i);
                }
            } else {
                err.println("audit verify: unexpected argument '" + arg + "'");
                err.println(usage());
                return 2;
            }
        }
        if (user == null) {
            user = url.startsWith("jdbc:h2:") ? "sa" : "postgres";
        }
        String password = System.getenv().getOrDefault("PASSERELLE_DB_PASSWORD", "");
        try {
            ChainVerification verdict = new AuditChainVerifier(new DriverManagerDataSource(url, user, password))
                    .verify();
            if (verdict instanceof ChainVerification.Broken broken) {
                out.println("Audit trail BROKEN at record " + broken.seq() + ": " + broken.reason());
                return 1;
            }
            ChainVerification.Intact intact = (ChainVerification.Intact) verdict;
            out.println("Audit trail intact: " + intact.records() + " record(s), from record "
                    + (intact.anchorSeq() + 1) + " to " + intact.lastSeq()
                    + (intact.anchorSeq() > 0 ? " (records up to " + intact.anchorSeq()
                    + " purged by retention)" : ""));
            return 0;
        } catch (RuntimeException e) {
            err.println("audit verify: cannot read the audit trail: " + e.getMessage());
            return 1;
        }
    }
}
