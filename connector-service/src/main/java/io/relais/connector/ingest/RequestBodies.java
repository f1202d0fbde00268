package io.relais.connector.ingest;

import io.relais.kit.error.ProblemException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads a request body up to a limit, refusing a larger one before anything parses it: first on the
 * declared Content-Length, then while reading (a chunked body declares none).
 */
final class RequestBodies {

    private RequestBodies() {
    }

    static byte[] read(InputStream in, String contentLength, int maxBytes, String what) {
        if (contentLength != null && !contentLength.isBlank()) {
            try {
                long declared = Long.parseLong(contentLength.trim());
                if (declared > maxBytes) throw tooLarge(declared, maxBytes, what);
            } catch (NumberFormatException e) {
                throw ProblemException.invalid("Content-Length", "must be a number of bytes");
            }
        }
        if (in == null) return new byte[0];
        try {
            byte[] body = in.readNBytes(maxBytes + 1);
            if (body.length > maxBytes) throw tooLarge(body.length, maxBytes, what);
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ProblemException tooLarge(long size, int max, String what) {
        return ProblemException.tooLarge(what + " may be at most " + max + " bytes; this one is "
                + (size > max ? "larger (" + size + " bytes or more)" : size + " bytes"));
    }
}
