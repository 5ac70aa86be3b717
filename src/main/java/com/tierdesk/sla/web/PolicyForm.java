package com.tierdesk.sla.web;

import com.tierdesk.sla.internal.DurationText;
import com.tierdesk.sla.PolicyDraft;
import com.tierdesk.sla.PolicyMatrix;
import com.tierdesk.sla.PolicyNote;
import java.util.ArrayList;
import java.util.List;

/**
 * The matrix editor's form: the rows as text, a few blank ones to add, the note in Chinese and English and the
 * live-chat rule.
 */
public class PolicyForm {

    static final int BLANK_ROWS = 4;

    private String noteZh = "";
    private String noteEn = "";
    private String liveChatFirstReply = "30s";
    private List<RowForm> rows = new ArrayList<>();

    static PolicyForm of(PolicyMatrix matrix) {
        var form = new PolicyForm();
        form.liveChatFirstReply = DurationText.format(matrix.liveChatFirstReply());
        matrix.rows().forEach(row -> form.rows.add(new RowForm(row.tier(), row.type().name(),
                row.priority() == null ? "" : row.priority().name(), row.target().name(),
                DurationText.format(row.duration()), row.calendar())));
        return form.withBlankRows();
    }

    PolicyForm withBlankRows() {
        for (int i = 0; i < BLANK_ROWS; i++) {
            rows.add(new RowForm());
        }
        return this;
    }

    PolicyDraft draft() {
        return new PolicyDraft(new PolicyNote(noteZh, noteEn), liveChatFirstReply, rows.stream()
                .map(row -> new PolicyDraft.Row(row.getTier(), row.getType(), row.getPriority(), row.getTarget(),
                        row.getDuration(), row.getCalendar())).toList());
    }

    public String getNoteZh() {
        return noteZh;
    }

    public void setNoteZh(String noteZh) {
        this.noteZh = noteZh;
    }

    public String getNoteEn() {
        return noteEn;
    }

    public void setNoteEn(String noteEn) {
        this.noteEn = noteEn;
    }

    public String getLiveChatFirstReply() {
        return liveChatFirstReply;
    }

    public void setLiveChatFirstReply(String liveChatFirstReply) {
        this.liveChatFirstReply = liveChatFirstReply;
    }

    public List<RowForm> getRows() {
        return rows;
    }

    public void setRows(List<RowForm> rows) {
        this.rows = rows;
    }

    /** One row of the editor, every value as entered. */
    public static class RowForm {

        private String tier = "";
        private String type = "";
        private String priority = "";
        private String target = "";
        private String duration = "";
        private String calendar = "";

        public RowForm() {
        }

        RowForm(String tier, String type, String priority, String target, String duration, String calendar) {
            this.tier = tier;
            this.type = type;
            this.priority = priority;
            this.target = target;
            this.duration = duration;
            this.calendar = calendar;
        }

        public String getTier() {
            return tier;
        }

        public void setTier(String tier) {
            this.tier = tier;
        }

        public String getType() {
            return type;
        }

        public void setType(String type) {
            this.type = type;
        }

        public String getPriority() {
            return priority;
        }

        public void setPriority(String priority) {
            this.priority = priority;
        }

        public String getTarget() {
            return target;
        }

        public void setTarget(String target) {
            this.target = target;
        }

        public String getDuration() {
            return duration;
        }

        public void setDuration(String duration) {
            this.duration = duration;
        }

        public String getCalendar() {
            return calendar;
        }

        public void setCalendar(String calendar) {
            this.calendar = calendar;
        }
    }
}
