package kg.neo4jlocal;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * Runs Neo4j Community embedded with its Bolt connector on 127.0.0.1, for development and tests.
 *
 * Environment: NEO4J_PORT (default 7687), NEO4J_DATA_DIR (default .neo4j/data), NEO4J_PASSWORD
 * (unset or empty: authentication disabled; set: the `neo4j` user gets this password).
 * Prints "Bolt ready on bolt://127.0.0.1:PORT" once the port accepts connections, and shuts
 * the database down cleanly on SIGTERM/SIGINT.
 */
public final class Neo4jLocal {
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(env("NEO4J_PORT", "7687"));
        Path home = Path.of(env("NEO4J_DATA_DIR", ".neo4j/data")).toAbsolutePath();
        String password = env("NEO4J_PASSWORD", "");
        boolean auth = !password.isEmpty();

        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(GraphDatabaseSettings.auth_enabled, auth)
                // Small footprint: this server shares a 2-core machine with the tests.
                .setConfig(GraphDatabaseSettings.pagecache_memory, 256L * 1024 * 1024)
                .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(5));
        DatabaseManagementService dbms = builder.build();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            dbms.shutdown();
            stopped.countDown();
        }, "neo4j-local-shutdown"));

        if (auth) {
            try {
                setPassword(dbms, password);
            } catch (RuntimeException error) {
                // A refused password (under 8 characters …): say so on one line and exit, not linger without Bolt.
                System.out.println("ERROR " + error.getMessage());
                System.out.flush();
                System.exit(1);
            }
        }
        waitForBolt(port);
        System.out.println("Bolt ready on bolt://127.0.0.1:" + port
                + (auth ? " (user neo4j, password from NEO4J_PASSWORD)" : " (authentication disabled)"));
        System.out.flush();
        stopped.await();
    }

    /**
     * The system database knows the initial user; set its password so a fresh store is usable at once.
     * A store started before with the same password already has it, which Neo4j refuses to set again.
     */
    private static void setPassword(DatabaseManagementService dbms, String password) {
        var system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        try {
            system.executeTransactionally("ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
                    java.util.Map.of("password", password));
        } catch (org.neo4j.graphdb.QueryExecutionException error) {
            if (!String.valueOf(error.getMessage()).contains("Old password and new password cannot be the same")) throw error;
        }
    }

    private static void waitForBolt(int port) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (java.io.IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("Bolt did not open on 127.0.0.1:" + port + " within 60 s");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
