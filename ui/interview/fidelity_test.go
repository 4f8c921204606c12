package interview

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"slate/model"
	"slate/questionnaires"
	"slate/store"
	"slate/ui/common"
	"slate/ui/uitest"
)

// screen is the rendered interview without styles, its lines joined with
// single spaces so wrapped text reads as one.
func screen(t *testing.T, m *Model, w, h int) string {
	t.Helper()
	return strings.Join(strings.Fields(ansi.Strip(uitest.Render(t, m, w, h))), " ")
}

// on opens the demo's interview on one requirement of a target.
func on(t *testing.T, target string, fr model.FR, req string) (*uitest.Harness, *Model) {
	h := uitest.NewDemo(t)
	m := New(h.Ctx)
	h.Send(m, common.GoTo{Screen: common.ScreenInterview, Target: target, FR: fr, Requirement: req})
	if cur(m) != req {
		t.Fatalf("the interview is on %s, not %s", cur(m), req)
	}
	return h, m
}

// typeInto replaces the text of the field in focus.
func typeInto(h *uitest.Harness, m *Model, text string) {
	h.Send(m, uitest.Keys("end")...)
	for range 200 {
		h.Send(m, uitest.Key("backspace"))
	}
	h.Send(m, uitest.Type(text)...)
}

// field moves the form's focus to field i (from the first).
func field(h *uitest.Harness, m *Model, i int) {
	for range 10 {
		h.Send(m, uitest.Key("shift+tab"))
	}
	for range i {
		h.Send(m, uitest.Key("tab"))
	}
}

func countermeasure(t *testing.T, a *model.Assessment, target, req string) (model.Countermeasure, model.CountermeasureLink) {
	t.Helper()
	cm, l, ok := a.CountermeasureOf(target, req)
	if !ok {
		t.Fatalf("%s of %s relies on no countermeasure", req, target)
	}
	return *cm, *l
}

// c on an unanswered requirement opens the form for a new countermeasure
// sitting on the target, supporting the target's SL-T; it is saved, with
// the answer, only when every required field is right, and only shown
// saved once the store has committed it.
func TestCompensatingFormNewCountermeasure(t *testing.T) {
	h, m := on(t, "control", 3, "SR 3.7")
	h.Send(m, uitest.Key("c"))
	if m.mode != modeCompensating {
		t.Fatal("c did not open the compensating form")
	}
	out := screen(t, m, 80, 21)
	for _, want := range []string{"Compensating countermeasure for SR 3.7 (Control (Unit 1))", "< new countermeasure >",
		"< Control (Unit 1) (zone) >", "< SL 2 >"} {
		if !strings.Contains(out, want) {
			t.Fatalf("the new form lacks %q:\n%s", want, out)
		}
	}
	h.Send(m, uitest.Key("ctrl+s"))
	if m.mode != modeCompensating || !strings.Contains(screen(t, m, 80, 21), "describe the alternative control") {
		t.Fatal("a form without the control was accepted")
	}
	field(h, m, cmControl)
	typeInto(h, m, "Operators check every fault message against the vendor's error list at shift handover")
	h.Send(m, uitest.Key("ctrl+s"))
	if !strings.Contains(screen(t, m, 80, 21), "say why it meets the intent of SR 3.7") {
		t.Fatal("a form without the reason was accepted")
	}
	field(h, m, cmApprovedBy)
	typeInto(h, m, "K. Brandt")
	h.Send(m, uitest.Key("tab"))
	typeInto(h, m, "plant manager")
	h.Send(m, uitest.Key("tab"))
	typeInto(h, m, "2026-13-01")
	field(h, m, cmWhy)
	typeInto(h, m, "Errors are handled by people where the PLC cannot, so they are corrected as SL 2 intends")
	h.Send(m, uitest.Key("ctrl+s"))
	if m.mode != modeCompensating || !strings.Contains(screen(t, m, 80, 21), `review date "2026-13-01": use YYYY-MM-DD`) {
		t.Fatal("an impossible review date was accepted")
	}
	field(h, m, cmReview)
	typeInto(h, m, "2026-12-01")
	h.Send(m, uitest.Key("ctrl+s"))
	if m.Capturing() {
		t.Fatalf("the form stayed open after a valid save:\n%s", screen(t, m, 80, 21))
	}
	a, err := h.Store.Load()
	if err != nil {
		t.Fatal(err)
	}
	ans := a.Answers["control"]["SR 3.7"]
	if ans.Status != model.Compensating || !strings.HasPrefix(ans.Justification, "Errors are handled by people") {
		t.Fatalf("saved answer %+v", ans)
	}
	cm, link := countermeasure(t, a, "control", "SR 3.7")
	if cm.ID == 1 || cm.Target != "control" || cm.ApprovedBy != (model.Person{Name: "K. Brandt", Role: "plant manager"}) ||
		cm.Review != "2026-12-01" || !strings.HasPrefix(cm.Control, "Operators check") || link.SL != 2 {
		t.Fatalf("saved countermeasure %+v, link %+v", cm, link)
	}
	if len(a.Countermeasures) != 2 {
		t.Fatalf("%d countermeasures in the file, want the demo's and the new one", len(a.Countermeasures))
	}
	// The screen shows what the file holds.
	if got, _ := countermeasure(t, h.Ctx.Data.A, "control", "SR 3.7"); got.ID != cm.ID {
		t.Fatalf("the screen relies on countermeasure %d, the file on %d", got.ID, cm.ID)
	}
}

// An answer that is compensating already opens the form filled from its
// record; editing a field there changes that record, not a new one.
func TestCompensatingFormPrefilledFromTheRecord(t *testing.T) {
	h, m := on(t, "control", 3, "SR 3.2")
	h.Send(m, uitest.Key("c"))
	out := screen(t, m, 120, 37)
	for _, want := range []string{"< 1: Application allow-listing", "· 1 answer >", "Application allow-listing on the",
		"< Supervisory (zone) >", "K. Brandt", "plant manager", "2026-09-05", "< SL 2 >", "The PLCs cannot run anti-malware"} {
		if !strings.Contains(out, want) {
			t.Fatalf("the form lacks %q:\n%s", want, out)
		}
	}
	field(h, m, cmRole)
	typeInto(h, m, "site director")
	h.Send(m, uitest.Key("ctrl+s"))
	if m.Capturing() {
		t.Fatalf("the form stayed open:\n%s", screen(t, m, 120, 37))
	}
	a, _ := h.Store.Load()
	cm, link := countermeasure(t, a, "control", "SR 3.2")
	if cm.ID != 1 || len(a.Countermeasures) != 1 || cm.ApprovedBy.Role != "site director" || link.SL != 2 {
		t.Fatalf("countermeasures %+v", a.Countermeasures)
	}
	// Saving unchanged text keeps the justification exactly as it was.
	if got, want := a.Answers["control"]["SR 3.2"].Justification, model.SamplePlant(questionnaires.Builtin()).Answers["control"]["SR 3.2"].Justification; got != want {
		t.Fatalf("justification %q, want %q", got, want)
	}
}

// Another requirement may rely on a recorded countermeasure: choosing it
// fills its fields, and saving links the answer to it.
func TestCompensatingFormReusesACountermeasure(t *testing.T) {
	h, m := on(t, "supervisory", 3, "SR 3.2")
	h.Send(m, uitest.Key("c"), uitest.Key("right"))
	if !strings.Contains(screen(t, m, 120, 37), "< Supervisory (zone) >") {
		t.Fatal("choosing countermeasure 1 did not fill where it sits")
	}
	field(h, m, cmWhy)
	typeInto(h, m, "The same allow-listing protects the HMI hosts")
	h.Send(m, uitest.Key("ctrl+s"))
	a, _ := h.Store.Load()
	cm, _ := countermeasure(t, a, "supervisory", "SR 3.2")
	if cm.ID != 1 || len(cm.Links) != 2 || len(a.Countermeasures) != 1 {
		t.Fatalf("countermeasures %+v", a.Countermeasures)
	}
	if d, _ := countermeasure(t, h.Ctx.Data.A, "supervisory", "SR 3.2"); len(d.Links) != 2 {
		t.Fatalf("the screen's countermeasure 1 has links %+v", d.Links)
	}
	// y on the answer drops its link (the store does, and the screen follows).
	h.Send(m, common.GoTo{Screen: common.ScreenInterview, Target: "supervisory", FR: 3, Requirement: "SR 3.2"}, uitest.Key("y"))
	if _, _, ok := h.Ctx.Data.A.CountermeasureOf("supervisory", "SR 3.2"); ok {
		t.Fatal("a yes answer still relies on the countermeasure on screen")
	}
	a, _ = h.Store.Load()
	if _, _, ok := a.CountermeasureOf("supervisory", "SR 3.2"); ok {
		t.Fatal("a yes answer still relies on the countermeasure in the file")
	}
}

// failingCompensating fails every compensating save as a full disk would.
type failingCompensating struct{ *store.Store }

func (failingCompensating) SaveCompensating(string, model.Answer, model.Countermeasure, model.Level) (model.Answer, model.Countermeasure, error) {
	return model.Answer{}, model.Countermeasure{}, &store.SaveError{Reason: "the disk is full; nothing was saved", Err: errors.New("SQLITE_FULL")}
}

func TestCompensatingFormKeepsItsTextWhenTheSaveFails(t *testing.T) {
	h, m := on(t, "control", 3, "SR 3.2")
	h.Ctx.Ops = common.NewOps(failingCompensating{h.Store}, false)
	m.ctx = h.Ctx
	h.Send(m, uitest.Key("c"))
	field(h, m, cmRole)
	typeInto(h, m, "site director")
	h.Send(m, uitest.Key("ctrl+s"))
	out := screen(t, m, 80, 21)
	if !m.Capturing() || !strings.Contains(out, "disk is full") || m.comp.form.Fields[cmRole].Text() != "site director" {
		t.Fatalf("after a failed save the form closed or lost its text:\n%s", out)
	}
	if cm, _ := countermeasure(t, h.Ctx.Data.A, "control", "SR 3.2"); cm.ApprovedBy.Role != "plant manager" || len(m.pending) != 0 {
		t.Fatal("a failed save shows as saved or pending")
	}
}

func TestCompensatingRefusedReadOnly(t *testing.T) {
	h, m := on(t, "control", 3, "SR 3.2")
	h.Ctx.Data.ReadOnly = true
	h.Send(m, uitest.Key("c"))
	if m.Capturing() || !h.Status.Error {
		t.Fatal("read-only opened the compensating form")
	}
}

// The detail says when the requirement is met, who holds the evidence
// plant staff cannot give, and which countermeasure a compensating answer
// relies on, with "review passed" once its review date is behind.
func TestDetailShowsCriteriaEvidenceAndCountermeasure(t *testing.T) {
	h, m := on(t, "control", 3, "SR 3.2")
	out := screen(t, m, 120, 40)
	for _, want := range []string{"Met when: Yes:", "Countermeasure 1 · sits on Supervisory · approved by K. Brandt (plant manager) · review 2026-09-05 · supports SL 2",
		"Control: Application allow-listing", "Why it meets the intent: The PLCs cannot run anti-malware"} {
		if !strings.Contains(out, want) {
			t.Fatalf("the detail lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "review passed") {
		t.Fatal("review passed before its date")
	}
	h.Ctx.Now = func() time.Time { return time.Date(2026, 9, 6, 8, 0, 0, 0, time.UTC) }
	if out := screen(t, m, 120, 40); !strings.Contains(out, "review 2026-09-05 · supports SL 2 · review passed") {
		t.Fatalf("the passed review is not shown:\n%s", out)
	}
	// SR 1.5 RE 1 (hardware-backed authenticators) is answered from the
	// vendor's documents.
	h.Send(m, uitest.Key("s"))
	h.Send(m, common.GoTo{Screen: common.ScreenInterview, Target: "control", FR: 1, Requirement: "SR 1.5 RE 1"})
	if out := screen(t, m, 120, 40); !strings.Contains(out, "Plant staff cannot answer this alone: ask the vendor") {
		t.Fatalf("the vendor evidence line is missing:\n%s", out)
	}
	h.Send(m, common.GoTo{Screen: common.ScreenInterview, Target: "control", FR: 3, Requirement: "SR 3.8 RE 1"})
	if out := screen(t, m, 120, 40); !strings.Contains(out, "Plant staff cannot answer this alone: it takes a technical test") {
		t.Fatalf("the test evidence line is missing:\n%s", out)
	}
}

// The site questions come after the last conduit; they take the answer
// keys and notes (not c), are saved as site answers and tallied.
func TestSiteQuestions(t *testing.T) {
	h, m := on(t, "control-safety", 1, "SR 1.1")
	h.Send(m, uitest.Key("}"))
	if !m.site || cur(m) != "SITE 5" {
		t.Fatalf("} after the last conduit: site %v on %q, want the first unanswered, SITE 5", m.site, cur(m))
	}
	h.Send(m, uitest.Key("home"))
	out := screen(t, m, 100, 30)
	for _, want := range []string{"Site questions · 4/5 answered · asked once, not scored", "SITE 1", "OT patch and update management",
		"Met when: Yes: a written OT patch process", "partial 3", "4/5 answered"} {
		if !strings.Contains(out, want) {
			t.Fatalf("the site questions lack %q:\n%s", want, out)
		}
	}
	h.Send(m, uitest.Key("end"), uitest.Key("c"))
	if m.Capturing() || !strings.Contains(h.Status.Text, "No c on site questions") {
		t.Fatalf("c on a site question: capturing %v, status %q", m.Capturing(), h.Status.Text)
	}
	h.Send(m, uitest.Key("y"))
	a, _ := h.Store.Load()
	if a.SiteAnswers["SITE 5"].Status != model.Yes || h.Ctx.Data.A.SiteAnswers["SITE 5"].Status != model.Yes {
		t.Fatalf("SITE 5 saved as %q", a.SiteAnswers["SITE 5"].Status)
	}
	if len(a.Answers) != len(h.Ctx.Data.A.Answers) {
		t.Fatal("a site answer changed a target's answers")
	}
	h.Send(m, uitest.Key("home"), uitest.Key("e"))
	h.Send(m, uitest.Type("WSUS report seen")...)
	h.Send(m, uitest.Key("ctrl+s"))
	a, _ = h.Store.Load()
	if !strings.HasSuffix(a.SiteAnswers["SITE 1"].Note, "WSUS report seen") || a.SiteAnswers["SITE 1"].Status != model.Partial {
		t.Fatalf("SITE 1 after the note: %+v", a.SiteAnswers["SITE 1"])
	}
	if !strings.Contains(screen(t, m, 100, 30), "5/5 answered") {
		t.Fatal("the tally does not follow the answers")
	}
	h.Send(m, uitest.Key("}"))
	if m.site || m.target != "enterprise" {
		t.Fatalf("} after the site questions went to %q (site %v)", m.target, m.site)
	}
	h.Send(m, uitest.Key("{"))
	if !m.site {
		t.Fatal("{ from the first zone does not go to the site questions")
	}
	h.Send(m, common.GoTo{Screen: common.ScreenInterview, Site: true})
	if !m.site || cur(m) != "SITE 1" {
		t.Fatal("a GoTo for the site questions did not show them")
	}
}

// upgraded opens a plant made with the previous built-in catalog, with an
// answer to SR 2.2 RE 1 on a conduit (zones only in slate.2), and upgrades
// it through the operation the root uses.
func upgraded(t *testing.T) (*uitest.Harness, *Model) {
	all := questionnaires.Builtins()
	plant := model.SamplePlant(all[1])
	plant.Answers["dmz-supervisory"] = model.Answers{"SR 2.2 RE 1": {Requirement: "SR 2.2 RE 1", Status: model.Yes,
		Note: "Asked under the previous catalog.", UpdatedAt: model.SampleDate.Add(-time.Hour)}}
	h := uitest.New(t, plant)
	if h.Ctx.Data.Cat.Version != all[1].Version {
		t.Fatalf("opened with %s", h.Ctx.Data.Cat.Version)
	}
	_, cmd := h.Ctx.Ops.UpgradeCatalog(0, all[0])
	done := cmd().(common.Done)
	if done.Err != nil || !done.ApplyTo(h.Ctx.Data) {
		t.Fatalf("upgrade: %v", done.Err)
	}
	return h, New(h.Ctx)
}

// After an upgrade, answers whose question changed are marked r until
// re-confirmed with r (a history row even though the answer stays); the
// detail quotes the question as it was asked. An answer whose requirement
// no longer applies is listed with x, kept and not changed by any key.
func TestReconfirmAfterAnUpgrade(t *testing.T) {
	h, m := upgraded(t)
	d := h.Ctx.Data
	if d.Cat.Version != questionnaires.Builtin().Version || d.A.CatalogBefore == "" {
		t.Fatalf("the session did not switch: %s from %q", d.Cat.Version, d.A.CatalogBefore)
	}
	// SR 7.5 asks about the security state across a switch to emergency
	// power since slate.2, not only about the UPS.
	var first *model.Outdated
	for _, o := range d.Outdated() {
		if !o.NoLongerApplies && o.Requirement == "SR 7.5" {
			first = &o
			break
		}
	}
	if first == nil {
		t.Fatalf("SR 7.5, whose question changed, is not listed for re-confirmation: %+v", d.Outdated())
	}
	id := first.Requirement
	h.Send(m, common.GoTo{Screen: common.ScreenInterview, Target: first.Target.Key, FR: 7, Requirement: id})
	out := ansi.Strip(uitest.Render(t, m, 120, 40))
	if !rowMarked(out, id, "r") {
		t.Fatalf("%s is not marked r:\n%s", id, out)
	}
	flat := strings.Join(strings.Fields(out), " ")
	for _, want := range []string{"Needs re-confirmation (r): answered under catalog 2013+COR1:2014; the question and its met-when criterion changed since.",
		"Asked before: " + oldQuestion(t, id, first.Target.Kind)} {
		if !strings.Contains(flat, want) {
			t.Fatalf("the detail lacks %q:\n%s", want, out)
		}
	}
	_, rowsBefore, _ := h.Store.Head()
	before := d.Answers(first.Target.Key)[id]
	h.Send(m, uitest.Key("r"))
	if _, ok := d.OutdatedOf(first.Target.Key, id); ok {
		t.Fatalf("%s is still listed after r", id)
	}
	_, rowsAfter, _ := h.Store.Head()
	a, _ := h.Store.Load()
	if rowsAfter != rowsBefore+1 || a.Confirmed[model.AnswerKey(first.Target.Key, id)] != d.Cat.Version {
		t.Fatalf("r wrote %d history rows and recorded %q", rowsAfter-rowsBefore, a.Confirmed[model.AnswerKey(first.Target.Key, id)])
	}
	if got := a.Answers[first.Target.Key][id]; got.Status != before.Status || got.Note != before.Note {
		t.Fatal("re-confirming changed the answer")
	}
	if rowMarked(ansi.Strip(uitest.Render(t, m, 120, 40)), id, "r") {
		t.Fatalf("%s is still marked after r", id)
	}
	h.Send(m, common.GoTo{Screen: common.ScreenInterview, Target: first.Target.Key, FR: 7, Requirement: id}, uitest.Key("r"))
	if !strings.Contains(h.Status.Text, "nothing to re-confirm") {
		t.Fatalf("r on a confirmed answer: %q", h.Status.Text)
	}

	// SR 2.2 RE 1 no longer applies to conduits: listed last in FR2, x.
	h.Send(m, common.GoTo{Screen: common.ScreenInterview, Target: "dmz-supervisory", FR: 2})
	last := m.items[len(m.items)-1]
	if !last.gone || last.req.ID != "SR 2.2 RE 1" {
		t.Fatalf("the last FR2 row of the conduit is %+v", last)
	}
	h.Send(m, uitest.Key("end"))
	out = ansi.Strip(uitest.Render(t, m, 120, 40))
	if !rowMarked(out, "SR 2.2 RE 1", "x") || !strings.Contains(strings.Join(strings.Fields(out), " "), "No longer applies to a conduit") {
		t.Fatalf("SR 2.2 RE 1 is not shown as no longer applying:\n%s", out)
	}
	for _, k := range []string{"n", "c", "e", "r"} {
		h.Send(m, uitest.Key(k))
		if m.Capturing() || !strings.Contains(h.Status.Text, "no longer applies") {
			t.Fatalf("%s on an answer that no longer applies: %q", k, h.Status.Text)
		}
	}
	if a, _ := h.Store.Load(); a.Answers["dmz-supervisory"]["SR 2.2 RE 1"].Status != model.Yes {
		t.Fatal("the answer that no longer applies was changed")
	}
}

// oldQuestion is the first question of a requirement for a kind in the
// previous built-in catalog.
func oldQuestion(t *testing.T, id string, k model.TargetKind) string {
	r, ok := questionnaires.Builtins()[1].Requirement(id)
	if !ok || len(r.QuestionsFor(k)) == 0 {
		t.Fatalf("the previous catalog has no question of %s for a %s", id, k)
	}
	return strings.Join(strings.Fields(r.QuestionsFor(k)[0].Text), " ")
}

// rowMarked reports whether the list row of a requirement carries mark in
// the re-confirmation column (after the status cell).
func rowMarked(screen, id, mark string) bool {
	for _, line := range strings.Split(screen, "\n") {
		if !strings.HasPrefix(line, fmt.Sprintf("%-12s SL", id)) {
			continue
		}
		// id(12) SLn(3) cell(6) mark(1)
		cells := []rune(line)
		return len(cells) > 12+1+3+1+6 && string(cells[12+1+3+1+6]) == mark
	}
	return false
}
