package io.github.skillmessaging.request;

/**
 * A request whose type no registered {@link RequestTypeConverter} handles. Parsing never fails
 * because a type is unknown; read the {@code request} object with {@link #json()}.
 * {@code toString()} leaves the JSON out, as it may hold tokens.
 */
public final class UnknownRequest implements Request {
    private final RequestHeader header;

    /** The request of an unknown type whose common fields are {@code header}. */
    UnknownRequest(RequestHeader header) {
        this.header = header;
    }

    @Override
    public RequestHeader header() {
        return header;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UnknownRequest that
                && header.equals(that.header)
                && header.node().equals(that.header.node());
    }

    @Override
    public int hashCode() {
        return header.hashCode();
    }

    @Override
    public String toString() {
        return "UnknownRequest[header=" + header + ", json=<" + header.node().size() + " fields>]";
    }
}
