package io.github.skillmessaging.ask.internal;

import io.github.skillmessaging.verify.RequestVerifier;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Reading a request's exact bytes and the two signature headers, shared by both servlet APIs. */
public final class Bodies {
    /** The largest body read: Alexa's requests are a few KiB; anything larger is not Alexa's. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;

    private Bodies() {}

    /** The exact bytes of {@code in}, or null when there are more than {@link #MAX_BODY_BYTES}. */
    public static byte[] readAtMost(InputStream in, long declaredLength) throws IOException {
        if (declaredLength > MAX_BODY_BYTES) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(declaredLength > 0 ? (int) declaredLength : 4096);
        byte[] buffer = new byte[8192];
        int total = 0;
        for (int n; (n = in.read(buffer)) != -1; ) {
            total += n;
            if (total > MAX_BODY_BYTES) {
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** The two headers the verifier reads, every value of each (a repeated header fails verification). */
    public static Map<String, List<String>> signatureHeaders(Function<String, Enumeration<String>> values) {
        Map<String, List<String>> headers = new HashMap<>();
        for (String name : List.of(RequestVerifier.SIGNATURE_CERT_CHAIN_URL, RequestVerifier.SIGNATURE_256)) {
            Enumeration<String> e = values.apply(name);
            if (e != null) {
                List<String> list = Collections.list(e);
                if (!list.isEmpty()) {
                    headers.put(name, list);
                }
            }
        }
        return headers;
    }
}
