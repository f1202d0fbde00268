package io.relais.profile.photo;

import io.relais.kit.error.ProblemException;

import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Locale;

/**
 * A photo as stored: what was uploaded, decoded with the JDK's ImageIO and encoded again, so the stored and
 * served bytes are always an image this service produced (finding F7: a body whose first bytes looked like a
 * GIF was stored and served as sent). Re-encoding also drops metadata (EXIF location, comments) and any bytes
 * after the image.
 * <ul>
 *   <li>The declared {@code Content-Type} must be an image type (415 for text, JSON, an octet stream or none),
 *       and the type recognised from the bytes ({@link ImageType#sniff}) must be the declared one (415). JPEG stays JPEG (quality 0.9), PNG stays PNG, a GIF
 *       becomes a PNG of its first frame. WebP is refused (415): the JDK has no WebP decoder, and an image
 *       that cannot be decoded here cannot be checked.</li>
 *   <li>Width and height come from the image header, read before any pixel: above {@code maxDimension}
 *       pixels on a side the upload is refused (422) without decoding, so a small file declaring a huge
 *       canvas (a decompression bomb) costs nothing.</li>
 *   <li>Bytes that do not decode as an image of their type are refused (422).</li>
 * </ul>
 * Every refusal is problem+json whose {@code errors} name {@code photo}.
 *
 * @param mediaType the stored image's type ({@code image/jpeg} or {@code image/png})
 * @param bytes     the re-encoded image
 */
public record PhotoImage(String mediaType, byte[] bytes) {

    /**
     * Decodes and re-encodes an upload.
     *
     * @param uploaded     the body, already within the byte limit
     * @param declared     the request's {@code Content-Type}, parameters ignored; must be an image type, the bytes' own
     *                     ({@link #requireImageType}, also called before the body is read)
     * @param maxDimension most pixels on either side
     * @throws ProblemException 415 for an undeclared, non-image, unknown or mismatching type or WebP, 422 when too
     *                          large or undecodable
     */
    public static PhotoImage of(byte[] uploaded, String declared, int maxDimension) {
        String declaredType = requireImageType(declared);
        ImageType type = ImageType.sniff(uploaded).orElseThrow(() -> refused(415, "unsupported-media-type",
                "Unsupported media type", "must be a JPEG, PNG or GIF image (recognised from its bytes)"));
        if (!sameType(declaredType, type)) {
            throw refused(415, "unsupported-media-type", "Unsupported media type",
                    "is declared " + declaredType + " but its bytes are " + type.mediaType());
        }
        if (type == ImageType.WEBP) {
            throw refused(415, "unsupported-media-type", "Unsupported media type", "must be a JPEG, PNG or GIF image (WebP is not accepted)");
        }
        BufferedImage pixels = decode(uploaded, type, maxDimension);
        return type == ImageType.JPEG ? new PhotoImage(ImageType.JPEG.mediaType(), jpeg(pixels))
                : new PhotoImage(ImageType.PNG.mediaType(), png(pixels));
    }

    /**
     * The declared {@code Content-Type} of an upload, lower-cased without parameters; it must be an image type (the
     * README's rule), so bytes sent as text, JSON, an untyped octet stream or with no type at all are refused: 415
     * naming {@code photo} and the accepted types. Which image type is checked against the bytes by {@link #of}.
     */
    public static String requireImageType(String declared) {
        String type = declared == null ? "" : declared.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!type.startsWith("image/")) {
            throw ProblemException.unsupportedMediaType("photo", "must be declared as image/jpeg, image/png or image/gif "
                    + "(Content-Type " + (type.isEmpty() ? "missing" : type) + ")");
        }
        return type;
    }

    private static boolean sameType(String declared, ImageType type) {
        return declared.equals(type.mediaType()) || (type == ImageType.JPEG && declared.equals("image/jpg"));
    }

    /** Reads the header first, checks the dimensions, then decodes the first image only. */
    private static BufferedImage decode(byte[] bytes, ImageType type, int maxDimension) {
        String format = type.name().toLowerCase(Locale.ROOT);
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) throw undecodable(type);
        ImageReader reader = readers.next();
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width < 1 || height < 1 || width > maxDimension || height > maxDimension) {
                throw refused(422, "unprocessable", "Unprocessable photo", "must be at most " + maxDimension + "×"
                        + maxDimension + " pixels (this one is " + width + "×" + height + ")");
            }
            BufferedImage image = reader.read(0);
            if (image == null) throw undecodable(type);
            return image;
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException p) throw p;
            throw undecodable(type);
        } finally {
            reader.dispose();
        }
    }

    private static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
            if (!ImageIO.write(image, "png", ios)) throw new IIOException("no PNG writer");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] jpeg(BufferedImage decoded) {
        // JPEG has no alpha: draw onto an opaque RGB canvas first (also normalises odd colour models)
        BufferedImage rgb = new BufferedImage(decoded.getWidth(), decoded.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.drawImage(decoded, 0, 0, java.awt.Color.WHITE, null);
        } finally {
            g.dispose();
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.9f);
            writer.write(null, new javax.imageio.IIOImage(rgb, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static ProblemException undecodable(ImageType type) {
        return refused(422, "unprocessable", "Unprocessable photo", "does not decode as a " + type.name() + " image");
    }

    private static ProblemException refused(int status, String slug, String title, String rule) {
        return ProblemException.refusing(status, slug, title, "photo", rule);
    }
}
