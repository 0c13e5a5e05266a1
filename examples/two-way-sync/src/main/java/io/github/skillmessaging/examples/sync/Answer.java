package io.github.skillmessaging.examples.sync;

/**
 * An HTTP answer of the framework-free handlers, for whichever server carries them (the JDK
 * server of {@link SyncService}, Azure Functions, a servlet).
 *
 * @param status the HTTP status
 * @param body the body, JSON or empty
 */
@SuppressWarnings("ArrayRecordComponent") // handed to the server as it is, never compared
public record Answer(int status, byte[] body) {
    static Answer of(int status) {
        return new Answer(status, new byte[0]);
    }
}
