package com.tierdesk.mail.web;

import com.tierdesk.mail.InboundMail;
import com.tierdesk.mail.MailAttachment;
import com.tierdesk.mail.MailSettings;
import com.tierdesk.mail.ReceivedMail;
import com.tierdesk.mail.TriageMail;
import com.tierdesk.shared.ApiProblems;
import com.tierdesk.shared.ProblemMessages;
import com.tierdesk.shared.Reason;
import com.tierdesk.ticket.TicketDetail;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/mail")
@Tag(name = "Email", description = "Mail handed over by a mail gateway, the triage of mail from unknown senders, "
        + "attachments of received mail")
class MailApiController {

    static final String SIGNATURE = "X-TierDesk-Signature";

    private final InboundMail inbound;
    private final MailSettings settings;
    private final ProblemMessages messages;

    MailApiController(InboundMail inbound, MailSettings settings, ProblemMessages messages) {
        this.inbound = inbound;
        this.settings = settings;
        this.messages = messages;
    }

    record LinkRequest(String customer) {
    }

    /**
     * A mail gateway hands over one raw RFC 822 message, signed: {@code X-TierDesk-Signature} is the hex HMAC-SHA256
     * of the body under {@code tierdesk.mail.webhook.secret} (optionally prefixed {@code sha256=}).
     */
    @Operation(summary = "Take in one raw RFC 822 message from a mail gateway (HMAC-SHA256 signed)")
    @PostMapping(path = "/inbound", consumes = MediaType.ALL_VALUE)
    ResponseEntity<?> receive(@RequestBody byte[] raw, @RequestHeader(name = SIGNATURE, required = false) String signature,
                              HttpServletRequest request) {
        if (!signedBody(raw, signature)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(messages.detail(new ApiProblems.Answer(HttpStatus.UNAUTHORIZED,
                            Reason.of("problem.mail.signature.title"), Reason.of("problem.mail.signature"), List.of()),
                            ProblemMessages.apiLocale(request)));
        }
        ReceivedMail received = inbound.receive(raw);
        return ResponseEntity.ok(received);
    }

    @Operation(summary = "Mail from senders who are no customer's contact, waiting for a customer")
    @GetMapping("/triage")
    @PreAuthorize("isAuthenticated()")
    List<TriageMail> triage() {
        return inbound.triage();
    }

    @Operation(summary = "Open the ticket of a mail in triage for an existing customer; its SLA starts now")
    @PostMapping("/triage/{id}/link")
    @PreAuthorize("hasRole('AGENT')")
    TicketDetail link(@PathVariable long id, @RequestBody LinkRequest link, Authentication caller) {
        return inbound.link(id, link.customer() == null ? "" : link.customer(), caller.getName());
    }

    @Operation(summary = "Download an attachment of received mail", description = "Agents only (and the roles "
            + "above them; 403 for QA): files customers sent are theirs to handle.")
    @GetMapping("/attachments/{id}")
    @PreAuthorize("hasRole('AGENT')")
    ResponseEntity<byte[]> attachment(@PathVariable long id) {
        MailAttachment attachment = inbound.attachment(id);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(attachment.name(), StandardCharsets.UTF_8).build().toString())
                .contentType(mediaType(attachment.contentType()))
                .body(attachment.content());
    }

    private boolean signedBody(byte[] raw, String signature) {
        if (!settings.webhook().configured() || signature == null) {
            return false;
        }
        String given = signature.strip().toLowerCase(Locale.ROOT).replaceFirst("^sha256=", "");
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(settings.webhook().secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = HexFormat.of().formatHex(mac.doFinal(raw)).getBytes(StandardCharsets.US_ASCII);
            return MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MediaType mediaType(String type) {
        try {
            return MediaType.parseMediaType(type);
        } catch (IllegalArgumentException e) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }
}
