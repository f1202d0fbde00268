package io.relais.local.store;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.wire.MongoDatabaseHandler;
import de.bwaldvogel.mongo.wire.MongoExceptionHandler;
import de.bwaldvogel.mongo.wire.MongoWireMessageEncoder;
import de.bwaldvogel.mongo.wire.MongoWireProtocolHandler;
import de.bwaldvogel.mongo.wire.MongoWireReplyEncoder;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutorGroup;
import io.netty.util.concurrent.Future;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The local store's wire server: mongo-java-server's protocol handlers on Netty, with each connection's commands run
 * on a command thread of its own rather than on the event loop that reads its socket.
 *
 * <p>Why not the library's {@code MongoServer}: it runs every command on the socket's event loop, and its 2 × cores
 * event loops are shared round-robin by all connections, so a keyed read waits behind whatever command another
 * connection on the same loop is running — on the local stack, a home-feed read queued behind a fan-out bulk write
 * of hundreds of upserts (issue 18: the store answered `_id` reads in p99 ~2 ms alone, home reads under ingest took
 * hundreds of ms). Here the event loops only read and write sockets; a connection's commands still run one at a time
 * and in order (the driver waits for each reply), on the command thread the connection was given when it opened
 * (round-robin over {@code commandThreads}, started lazily). Two connections share a command thread only once more
 * than {@code commandThreads} are open. What two commands may do at once is unchanged: the backend already served
 * the event loops concurrently, and its collections serialise their own operations.
 */
public final class StoreServer implements AutoCloseable {

    /** Command threads by default: more than the connections the local stack's five services keep open. */
    public static final int DEFAULT_COMMAND_THREADS = 64;

    private final MongoBackend backend;
    private final int ioThreads;
    private final int commandThreads;
    private EventLoopGroup acceptor;
    private EventLoopGroup io;
    private EventExecutorGroup commands;
    private ChannelGroup clients;
    private Channel listening;

    /**
     * @param backend        the store (closed by {@link #close()})
     * @param ioThreads      event loops reading and writing sockets (≥ 1)
     * @param commandThreads threads running commands, one per connection up to this many (≥ 1)
     */
    public StoreServer(MongoBackend backend, int ioThreads, int commandThreads) {
        if (ioThreads < 1 || commandThreads < 1) {
            throw new IllegalArgumentException("ioThreads and commandThreads must be at least 1");
        }
        this.backend = backend;
        this.ioThreads = ioThreads;
        this.commandThreads = commandThreads;
    }

    /** A server with one event loop per core and {@link #DEFAULT_COMMAND_THREADS} command threads. */
    public StoreServer(MongoBackend backend) {
        this(backend, Runtime.getRuntime().availableProcessors(), DEFAULT_COMMAND_THREADS);
    }

    /**
     * Listens on {@code address} (port 0: any free port).
     *
     * @return the address listened on
     * @throws IllegalStateException if already listening
     */
    public synchronized InetSocketAddress bind(InetSocketAddress address) {
        if (listening != null) throw new IllegalStateException("already listening on " + listening.localAddress());
        acceptor = new NioEventLoopGroup(1, new DefaultThreadFactory("store-accept", true));
        io = new NioEventLoopGroup(ioThreads, new DefaultThreadFactory("store-io", true));
        commands = new DefaultEventExecutorGroup(commandThreads, new DefaultThreadFactory("store-command", true));
        clients = new DefaultChannelGroup("store-clients", io.next());
        try {
            listening = new ServerBootstrap()
                    .group(acceptor, io)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 128)
                    .childOption(ChannelOption.TCP_NODELAY, Boolean.TRUE)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new MongoWireReplyEncoder());
                            ch.pipeline().addLast(new MongoWireMessageEncoder());
                            ch.pipeline().addLast(new MongoWireProtocolHandler());
                            // the one line that differs from the library's server: commands leave the event loop
                            ch.pipeline().addLast(commands, "commands", new MongoDatabaseHandler(backend, clients));
                            ch.pipeline().addLast(commands, "errors", new MongoExceptionHandler());
                        }
                    })
                    .bind(address).syncUninterruptibly().channel();
        } catch (RuntimeException e) {
            stopThreads();
            throw e;
        }
        return (InetSocketAddress) listening.localAddress();
    }

    /** Listens on 127.0.0.1 at a free port, for tests and the bench. */
    public InetSocketAddress bind() {
        return bind(new InetSocketAddress("127.0.0.1", 0));
    }

    /** Stops listening, closes every client connection, stops the threads, then closes the backend (its file). */
    @Override
    public synchronized void close() {
        if (listening != null) {
            listening.close().syncUninterruptibly();
            listening = null;
        }
        if (clients != null) clients.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        stopThreads();
        backend.close();
    }

    private void stopThreads() {
        // all groups at once, each waiting for a quiet moment: tearing a connection down hops between its event loop and
        // its command thread, so neither may stop while the other still hands it work
        List<Future<?>> stopped = new ArrayList<>();
        for (EventExecutorGroup group : new EventExecutorGroup[] {acceptor, io, commands}) {
            if (group != null) stopped.add(group.shutdownGracefully(100, 5_000, TimeUnit.MILLISECONDS));
        }
        stopped.forEach(f -> f.awaitUninterruptibly(10, TimeUnit.SECONDS));
    }
}
