package org.carebook.calendar;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The two CalDAV requests a busy-time read needs (RFC 4791, and the collection tag of calendarserver.org that
 * CalDAV servers keep), and the reading of their answers. The answers come from a server the clinic names, so the
 * parser reads no DTD and no outside entity.
 */
final class CalDav {

    private static final String DAV = "DAV:";
    private static final String CALDAV = "urn:ietf:params:xml:ns:caldav";
    private static final String CALENDARSERVER = "http://calendarserver.org/ns/";

    /** Asks for the calendar's collection tag and sync token: either changes whenever an event does. */
    static final String TAG_QUERY = """
            <?xml version="1.0" encoding="utf-8"?>
            <d:propfind xmlns:d="DAV:" xmlns:cs="http://calendarserver.org/ns/">
              <d:prop><cs:getctag/><d:sync-token/></d:prop>
            </d:propfind>""";

    private CalDav() {}

    /** The events (with their repeats) that overlap the window, given as UTC times such as 20270301T000000Z. */
    static String eventsBetween(String start, String end) {
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <c:calendar-query xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">
                  <d:prop><c:calendar-data/></d:prop>
                  <c:filter>
                    <c:comp-filter name="VCALENDAR">
                      <c:comp-filter name="VEVENT"><c:time-range start="%s" end="%s"/></c:comp-filter>
                    </c:comp-filter>
                  </c:filter>
                </c:calendar-query>""".formatted(start, end);
    }

    /** The collection tag, or else the sync token, of a PROPFIND answer; null when the server keeps neither. */
    static String collectionTag(String multistatus) throws LinkReader.Failed {
        var document = parse(multistatus);
        String tag = firstText(document.getElementsByTagNameNS(CALENDARSERVER, "getctag"));
        return tag != null ? tag : firstText(document.getElementsByTagNameNS(DAV, "sync-token"));
    }

    /** Each event's iCalendar text in a calendar-query answer. */
    static List<String> calendarData(String multistatus) throws LinkReader.Failed {
        var data = parse(multistatus).getElementsByTagNameNS(CALDAV, "calendar-data");
        var calendars = new ArrayList<String>();
        for (int i = 0; i < data.getLength(); i++) {
            String text = data.item(i).getTextContent();
            if (text != null && !text.isBlank()) {
                calendars.add(text);
            }
        }
        return calendars;
    }

    private static String firstText(NodeList nodes) {
        for (int i = 0; i < nodes.getLength(); i++) {
            String text = nodes.item(i).getTextContent();
            if (text != null && !text.isBlank()) {
                return text.strip();
            }
        }
        return null;
    }

    private static Document parse(String xml) throws LinkReader.Failed {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new LinkReader.Failed("the calendar server's answer is not a CalDAV answer");
        }
    }
}
