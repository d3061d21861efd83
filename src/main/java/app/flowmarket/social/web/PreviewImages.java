package app.flowmarket.social.web;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

/**
 * Draws the 1200×630 preview picture that links to a workflow, store, bundle or profile unfold with on social
 * sites: a kicker line (platform, "Store"...), the title in large type over up to three lines, a subtitle and,
 * for things on sale, the price in a pill. Logical fonts only, so it needs nothing installed but a JDK.
 */
final class PreviewImages {

    static final int WIDTH = 1200;
    static final int HEIGHT = 630;

    private PreviewImages() {
    }

    static byte[] render(String kicker, String title, String subtitle, String price) {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setPaint(new GradientPaint(0, 0, new Color(0x0f172a), WIDTH, HEIGHT, new Color(0x312e81)));
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setColor(new Color(0x818cf8));
            g.setStroke(new BasicStroke(10));
            g.drawLine(80, 96, 200, 96);

            g.setColor(new Color(0xc7d2fe));
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 34));
            g.drawString(shorten(g.getFontMetrics(), kicker.toUpperCase(java.util.Locale.ROOT), WIDTH - 160), 80, 160);

            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 70));
            int y = 260;
            for (String line : wrap(g.getFontMetrics(), title, WIDTH - 160, 3)) {
                g.drawString(line, 80, y);
                y += 84;
            }
            g.setColor(new Color(0xcbd5e1));
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 36));
            g.drawString(shorten(g.getFontMetrics(), subtitle, WIDTH - 520), 80, HEIGHT - 70);

            if (!price.isEmpty()) {
                g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 44));
                FontMetrics metrics = g.getFontMetrics();
                int w = metrics.stringWidth(price) + 60;
                g.setColor(new Color(0x22c55e));
                g.fillRoundRect(WIDTH - 80 - w, HEIGHT - 130, w, 80, 40, 40);
                g.setColor(new Color(0x052e16));
                g.drawString(price, WIDTH - 80 - w + 30, HEIGHT - 75);
            }
            g.setColor(new Color(0x94a3b8));
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 30));
            g.drawString("Flowmarket", WIDTH - 80 - g.getFontMetrics().stringWidth("Flowmarket"), 106);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static List<String> wrap(FontMetrics metrics, String text, int width, int maxLines) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (metrics.stringWidth(candidate) <= width || line.isEmpty()) {
                line = new StringBuilder(candidate);
            } else {
                lines.add(line.toString());
                line = new StringBuilder(word);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        if (lines.size() > maxLines) {
            List<String> kept = new ArrayList<>(lines.subList(0, maxLines));
            kept.set(maxLines - 1, shorten(metrics, kept.get(maxLines - 1) + "…", width));
            return kept;
        }
        return lines.stream().map(l -> shorten(metrics, l, width)).toList();
    }

    static String shorten(FontMetrics metrics, String text, int width) {
        if (metrics.stringWidth(text) <= width) {
            return text;
        }
        String cut = text;
        while (!cut.isEmpty() && metrics.stringWidth(cut + "…") > width) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "…";
    }
}
