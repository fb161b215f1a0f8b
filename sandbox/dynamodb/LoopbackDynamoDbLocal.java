// DynamoDB Local on loopback only. DynamoDBLocal.jar has no bind-address
// option: its server is Jetty's Server(port), which listens on every
// interface. This launcher builds the same server from the same command-line
// arguments, sets its connector's host to 127.0.0.1 before it starts, and
// runs it. A JDK's javac compiles it once into node_modules/.cache
// (dynamodb/kept-launcher.ts), so nothing compiled is kept in the repository;
// without a directory to keep it in, Java runs it from source. A DynamoDB Local release that
// renames the private field fails here, loudly, at start.
import java.lang.reflect.Field;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

public class LoopbackDynamoDbLocal {
  public static void main(String[] args) throws Exception {
    DynamoDBProxyServer proxy = ServerRunner.createServerFromCommandLineArgs(args);
    Field serverField = DynamoDBProxyServer.class.getDeclaredField("server");
    serverField.setAccessible(true);
    Server server = (Server) serverField.get(proxy);
    for (Connector connector : server.getConnectors()) {
      ((ServerConnector) connector).setHost("127.0.0.1");
    }
    proxy.start();
    proxy.join();
  }
}
