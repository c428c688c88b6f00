package fr.passerelle.gateway.healthspace.demo;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a one-page PDF of plain text lines (Helvetica, WinAnsi, uncompressed, no dates: byte-for-byte
 * reproducible). Replaces the PDFs embedded in the ANS samples, which render the original patient's identity.
 */
final class SyntheticPdf {

    private SyntheticPdf() {
    }

    static byte[] of(String heading, List<String> lines) {
        StringBuilder content = new StringBuilder();
        content.append("BT /F1 15 Tf 50 790 Td (").append(escape(heading)).append(") Tj ET\n");
        content.append("BT /F2 11 Tf 16 TL 50 760 Td\n");
        for (String line : lines) {
            content.append('(').append(escape(line)).append(") Tj T*\n");
        }
        content.append("ET\n");
        byte[] stream = content.toString().getBytes(StandardCharsets.ISO_8859_1);

        List<byte[]> objects = new ArrayList<>();
        objects.add(latin1("<< /Type /Catalog /Pages 2 0 R >>"));
        objects.add(latin1("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"));
        objects.add(latin1("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R"
                + " /F2 5 0 R >> >> /Contents 6 0 R >>"));
        objects.add(latin1("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"));
        objects.add(latin1("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"));
        ByteArrayOutputStream streamObject = new ByteArrayOutputStream();
        streamObject.writeBytes(latin1("<< /Length " + stream.length + " >>\nstream\n"));
        streamObject.writeBytes(stream);
        streamObject.writeBytes(latin1("endstream"));
        objects.add(streamObject.toByteArray());

        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        pdf.writeBytes(latin1("%PDF-1.4\n"));
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.size());
            pdf.writeBytes(latin1((i + 1) + " 0 obj\n"));
            pdf.writeBytes(objects.get(i));
            pdf.writeBytes(latin1("\nendobj\n"));
        }
        int xref = pdf.size();
        StringBuilder table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        for (int offset : offsets) {
            table.append(String.format("%010d 00000 n \n", offset));
        }
        table.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        pdf.writeBytes(latin1(table.toString()));
        return pdf.toByteArray();
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '(' || c == ')' || c == '\\') {
                escaped.append('\\').append(c);
            } else if (c < 0x20 || c > 0xFF) {
                escaped.append(c == '\u2019' ? '\'' : '-'); // outside WinAnsi's Latin-1 range
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
