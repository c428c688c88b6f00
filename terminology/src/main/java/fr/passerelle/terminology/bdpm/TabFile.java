package fr.passerelle.terminology.bdpm;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A tab-separated file without header line, as the ANSM publishes the BDPM: no quoting (a {@code "} is text),
 * CRLF or LF line ends, and either UTF-8 or the official download's Windows-1252. The encoding is decided from
 * the bytes: text that is valid UTF-8 is read as UTF-8, anything else as Windows-1252 (where every byte is a
 * character, so accents such as {@code é} = 0xE9 make a file invalid UTF-8 and are read right).
 */
record TabFile(Path file, Charset charset, List<Line> lines) {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** One line: its number in the file (from 1) and its fields, trailing empty fields included. */
    record Line(int number, List<String> fields) {

        String field(int i) {
            return i < fields.size() ? fields.get(i).strip() : "";
        }
    }

    static TabFile read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Charset charset = StandardCharsets.UTF_8;
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            charset = WINDOWS_1252;
            text = new String(bytes, WINDOWS_1252);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        CSVFormat format = CSVFormat.TDF.builder().setQuote(null).setEscape(null).setIgnoreSurroundingSpaces(false)
                .setTrim(false).setIgnoreEmptyLines(false).get();
        List<Line> lines = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord r : parser) {
                // empty lines are kept by the parser so that record numbers stay line numbers; skipped here
                if (r.size() > 1 || !r.get(0).isBlank()) {
                    lines.add(new Line((int) r.getRecordNumber(), r.toList()));
                }
            }
        }
        return new TabFile(file, charset, List.copyOf(lines));
    }
}
