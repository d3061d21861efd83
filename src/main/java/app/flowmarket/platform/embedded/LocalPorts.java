package app.flowmarket.platform.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Ports on this machine: whether one is free, and a free one when the preferred one is not. */
final class LocalPorts {

    private LocalPorts() {
    }

    /** The preferred port when nothing listens on it, otherwise a free one the system picks. */
    static int preferred(int port) {
        return isFree(port) ? port : free();
    }

    /** The preferred port, else the next free one of the nine after it (easy to type), else any free one. */
    static int nearby(int port) {
        for (int candidate = port; candidate < port + 10; candidate++) {
            if (isFree(candidate)) {
                return candidate;
            }
        }
        return free();
    }

    static boolean isFree(int port) {
        try (var socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static int free() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
