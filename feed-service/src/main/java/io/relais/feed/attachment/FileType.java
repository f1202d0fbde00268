package io.relais.feed.attachment;

import java.util.Arrays;
import java.util.Optional;

/**
 * The file types accepted as attachments, recognised from their first bytes (magic numbers), never
 * from the name or the declared Content-Type alone.
 */
public enum FileType {
    PNG("image/png", new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}),
    JPEG("image/jpeg", new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    GIF("image/gif", new byte[]{'G', 'I', 'F', '8'}),
    PDF("application/pdf", new byte[]{'%', 'P', 'D', 'F', '-'}),
    WEBP("image/webp", null);

    public final String mediaType;
    private final byte[] magic;

    FileType(String mediaType, byte[] magic) {
        this.mediaType = mediaType;
        this.magic = magic;
    }

    public static Optional<FileType> sniff(byte[] bytes) {
        for (FileType t : values()) {
            if (t.magic != null && bytes.length >= t.magic.length
                    && Arrays.equals(Arrays.copyOf(bytes, t.magic.length), t.magic)) {
                return Optional.of(t);
            }
        }
        // RIFF....WEBP
        if (bytes.length >= 12 && bytes[0] == 'R' && bytes[1] == 'I' && bytes[2] == 'F' && bytes[3] == 'F'
                && bytes[8] == 'W' && bytes[9] == 'E' && bytes[10] == 'B' && bytes[11] == 'P') {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }

    public boolean inline() {
        return mediaType.startsWith("image/");
    }
}
