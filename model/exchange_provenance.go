package model

import (
	"encoding/json"
	"fmt"
	"sort"
)

// DocSession is an interview session in the exchange document.
type DocSession struct {
	ID        int64         `json:"id"`
	Date      string        `json:"date"`
	Place     string        `json:"place,omitempty"`
	Attendees []DocAttendee `json:"attendees,omitempty"`
}

// DocAttendee is one person in a session.
type DocAttendee struct {
	Name string `json:"name"`
	Role string `json:"role,omitempty"`
}

// DocEvidence is the metadata of an evidence file; its bytes travel in a
// bundle as evidence/<sha256> (docs/exchange-format.md).
type DocEvidence struct {
	SHA256    string            `json:"sha256"`
	Name      string            `json:"name"`
	MediaType string            `json:"media_type"`
	Size      int64             `json:"size"`
	AddedBy   string            `json:"added_by,omitempty"`
	AddedAt   string            `json:"added_at,omitempty"`
	Caption   string            `json:"caption,omitempty"`
	Session   int64             `json:"session,omitempty"`
	Links     []DocEvidenceLink `json:"links,omitempty"`
}

// DocEvidenceLink ties a file to one requirement of one target.
type DocEvidenceLink struct {
	Target      string `json:"target"`
	Requirement string `json:"requirement"`
}

// DocSignOff is a recorded sign-off; head and rows pin the history of the
// file it was recorded in.
type DocSignOff struct {
	Date     string    `json:"date"`
	Assessor DocPerson `json:"assessor"`
	Owner    DocPerson `json:"owner"`
	Head     string    `json:"head,omitempty"`
	Rows     int64     `json:"rows,omitempty"`
	At       string    `json:"at,omitempty"`
}

// provenanceDoc lists sessions (by id), evidence (by name, then hash; links
// in order) and sign-offs (oldest first).
func provenanceDoc(a *Assessment) ([]DocSession, []DocEvidence, []DocSignOff) {
	var ss []DocSession
	sessions := append([]Session(nil), a.Sessions...)
	sort.Slice(sessions, func(i, j int) bool { return sessions[i].ID < sessions[j].ID })
	for _, s := range sessions {
		ds := DocSession{ID: s.ID, Date: s.Date, Place: s.Place}
		for _, at := range s.Attendees {
			ds.Attendees = append(ds.Attendees, DocAttendee{Name: at.Name, Role: at.Role})
		}
		ss = append(ss, ds)
	}
	es := EvidenceDocs(a.Evidence)
	var so []DocSignOff
	for _, s := range a.SignOffs {
		so = append(so, DocSignOff{Date: s.Date, Assessor: DocPerson{s.Assessor.Name, s.Assessor.Role},
			Owner: DocPerson{s.Owner.Name, s.Owner.Role}, Head: s.Head, Rows: s.Rows, At: formatTime(s.At)})
	}
	return ss, es, so
}

// EvidenceDocs lists files as the exchange document does: by name, then
// hash, each with its links in order.
func EvidenceDocs(list []Evidence) []DocEvidence {
	var es []DocEvidence
	files := append([]Evidence(nil), list...)
	SortEvidence(files)
	for _, e := range files {
		de := DocEvidence{SHA256: e.SHA256, Name: e.Name, MediaType: e.MediaType, Size: e.Size, AddedBy: e.AddedBy,
			AddedAt: formatTime(e.AddedAt), Caption: e.Caption, Session: e.Session}
		for _, l := range sortedLinks(e.Links) {
			de.Links = append(de.Links, DocEvidenceLink{Target: l.Target, Requirement: l.Requirement})
		}
		es = append(es, de)
	}
	return es
}

func sortedLinks(ls []EvidenceLink) []EvidenceLink {
	out := append([]EvidenceLink(nil), ls...)
	sort.Slice(out, func(i, j int) bool {
		if out[i].Target != out[j].Target {
			return out[i].Target < out[j].Target
		}
		return out[i].Requirement < out[j].Requirement
	})
	return out
}

// sessions reads the document's sessions; answers and evidence refer to
// them by id.
func (d *decoder) sessions(a *Assessment, raws []json.RawMessage) error {
	d.sessionIDs = map[int64]bool{}
	for i, raw := range raws {
		path := fmt.Sprintf("$.sessions[%d]", i)
		var ds DocSession
		if err := strict(raw, &ds, path, d.data); err != nil {
			return err
		}
		if ds.ID <= 0 {
			return docErr(path+".id", "%d: give a positive number", ds.ID)
		}
		if d.sessionIDs[ds.ID] {
			return docErr(path+".id", "session %d is listed twice", ds.ID)
		}
		d.sessionIDs[ds.ID] = true
		s := Session{ID: ds.ID, Date: ds.Date}
		var err error
		if s.Place, err = line(path+".place", ds.Place); err != nil {
			return err
		}
		for j, da := range ds.Attendees {
			p := fmt.Sprintf("%s.attendees[%d]", path, j)
			var at Attendee
			if at.Name, err = line(p+".name", da.Name); err != nil {
				return err
			}
			if at.Role, err = line(p+".role", da.Role); err != nil {
				return err
			}
			if at.Name == "" {
				return docErr(p+".name", "missing")
			}
			s.Attendees = append(s.Attendees, at)
		}
		if err := s.Validate(); err != nil {
			return docErr(path+".date", "date %q: use YYYY-MM-DD", ds.Date)
		}
		a.Sessions = append(a.Sessions, s)
	}
	return nil
}

// session checks a reference to a session.
func (d *decoder) session(path string, id int64) error {
	if id != 0 && !d.sessionIDs[id] {
		return docErr(path, "unknown session %d", id)
	}
	return nil
}

// interviewees turns the interviewee text of answers from documents
// written before sessions into sessions, as the schema-7 upgrade of a file
// does (DeriveSessions).
func (d *decoder) interviewees(a *Assessment) {
	if len(d.legacyWho) == 0 {
		return
	}
	var first int64
	for id := range d.sessionIDs {
		first = max(first, id)
	}
	made, assign := DeriveSessions(d.legacyWho, first)
	a.Sessions = append(a.Sessions, made...)
	for _, src := range d.legacyWho {
		t, req := splitKey(src.Key)
		as := a.Answers[t]
		ans := as[req]
		ans.Session = assign[src.Key]
		as[req] = ans
	}
}

func splitKey(k string) (string, string) {
	for i := 0; i < len(k); i++ {
		if k[i] == '|' {
			return k[:i], k[i+1:]
		}
	}
	return k, ""
}

// evidence reads the evidence metadata. The bytes are not in the JSON
// document; a bundle carries them and the importer checks each against
// its sha256 and size.
func (d *decoder) evidence(a *Assessment, cat *Catalog, raws []json.RawMessage) error {
	seen := map[string]bool{}
	for i, raw := range raws {
		path := fmt.Sprintf("$.evidence[%d]", i)
		var de DocEvidence
		if err := strict(raw, &de, path, d.data); err != nil {
			return err
		}
		if !ValidSHA256(de.SHA256) {
			return docErr(path+".sha256", "%q is not a sha256 in lower-case hex", de.SHA256)
		}
		if seen[de.SHA256] {
			return docErr(path+".sha256", "file %s is listed twice", de.SHA256)
		}
		seen[de.SHA256] = true
		e := Evidence{SHA256: de.SHA256, Size: de.Size, Session: de.Session}
		var err error
		if e.Name, err = line(path+".name", de.Name); err != nil {
			return err
		}
		if e.Name == "" || EvidenceName(e.Name) != e.Name {
			return docErr(path+".name", "%q: give a file name without a folder", de.Name)
		}
		if e.MediaType, err = line(path+".media_type", de.MediaType); err != nil {
			return err
		}
		if e.AddedBy, err = line(path+".added_by", de.AddedBy); err != nil {
			return err
		}
		if e.Caption, err = text(path+".caption", de.Caption); err != nil {
			return err
		}
		if de.Size < 0 {
			return docErr(path+".size", "%d is not a size", de.Size)
		}
		if e.AddedAt, err = parseTime(path+".added_at", de.AddedAt); err != nil {
			return err
		}
		if err := d.session(path+".session", de.Session); err != nil {
			return err
		}
		linked := map[EvidenceLink]bool{}
		for j, dl := range de.Links {
			p := fmt.Sprintf("%s.links[%d]", path, j)
			r, err := d.assessed(cat, p, dl.Target, dl.Requirement)
			if err != nil {
				return err
			}
			l := EvidenceLink{Target: dl.Target, Requirement: r.ID}
			if linked[l] {
				return docErr(p, "a second link to %s %s", l.Target, l.Requirement)
			}
			linked[l] = true
			e.Links = append(e.Links, l)
		}
		a.Evidence = append(a.Evidence, e)
	}
	return nil
}

// signOffs reads the recorded sign-offs, oldest first.
func (d *decoder) signOffs(a *Assessment, raws []json.RawMessage) error {
	for i, raw := range raws {
		path := fmt.Sprintf("$.sign_offs[%d]", i)
		var ds DocSignOff
		if err := strict(raw, &ds, path, d.data); err != nil {
			return err
		}
		s := SignOff{Date: ds.Date, Rows: ds.Rows}
		var err error
		for _, f := range []struct {
			dst  *string
			src  string
			name string
		}{{&s.Assessor.Name, ds.Assessor.Name, "assessor.name"}, {&s.Assessor.Role, ds.Assessor.Role, "assessor.role"},
			{&s.Owner.Name, ds.Owner.Name, "owner.name"}, {&s.Owner.Role, ds.Owner.Role, "owner.role"}} {
			if *f.dst, err = line(path+"."+f.name, f.src); err != nil {
				return err
			}
		}
		if ds.Head != "" && !ValidSHA256(ds.Head) {
			return docErr(path+".head", "%q is not a history head (sha256 in lower-case hex)", ds.Head)
		}
		s.Head = ds.Head
		if ds.Rows < 0 {
			return docErr(path+".rows", "%d is not a number of rows", ds.Rows)
		}
		if s.At, err = parseTime(path+".at", ds.At); err != nil {
			return err
		}
		if err := s.Validate(); err != nil {
			field := ".owner"
			switch {
			case s.Assessor.Name == "":
				field = ".assessor.name"
			case dateOK("", s.Date) != nil || s.Date == "":
				field = ".date"
			}
			return docErr(path+field, "%s", err)
		}
		a.SignOffs = append(a.SignOffs, s)
	}
	return nil
}
