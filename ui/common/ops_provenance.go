package common

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"

	"slate/model"
	"slate/store"
)

type provenanceStore interface {
	StartSession(s model.Session) (model.Session, error)
	UpdateSession(s model.Session) (model.Session, error)
	AddEvidence(target, requirement string, f store.EvidenceFile) (model.Evidence, bool, error)
	UnlinkEvidence(sha, target, requirement string, deleteBytes bool) (bool, error)
	OpenEvidence(sha string) (model.Evidence, io.ReadCloser, error)
	AnswerHistory(target, requirement string) ([]model.Change, error)
	RecordSignOff(so model.SignOff) (model.SignOff, error)
}

// StartSession records a new interview session and makes it current.
func (o *Ops) StartSession(from ScreenID, s model.Session) (Ticket, tea.Cmd) {
	return o.change(from, "interview session "+s.Label(), func() (func(*Data), any, error) {
		saved, err := o.st.StartSession(s)
		if err != nil {
			return nil, nil, err
		}
		return func(d *Data) {
			d.A.Sessions = append(d.A.Sessions, saved)
			d.Session = saved.ID
			d.Version++
		}, saved, nil
	})
}

// UpdateSession saves a session's date, place and attendees.
func (o *Ops) UpdateSession(from ScreenID, s model.Session) (Ticket, tea.Cmd) {
	return o.change(from, "interview session "+s.Label(), func() (func(*Data), any, error) {
		saved, err := o.st.UpdateSession(s)
		if err != nil {
			return nil, nil, err
		}
		return func(d *Data) {
			if i := slices.IndexFunc(d.A.Sessions, func(x model.Session) bool { return x.ID == saved.ID }); i >= 0 {
				d.A.Sessions[i] = saved
			}
			d.Version++
		}, saved, nil
	})
}

// AttachEvidence reads the file at path (in the command, never in Update)
// and stores it, linked to one requirement of a target. The result's Value
// is the file's record.
func (o *Ops) AttachEvidence(from ScreenID, target, requirement, path, caption string) (Ticket, tea.Cmd) {
	return o.change(from, "evidence "+model.EvidenceName(path), func() (func(*Data), any, error) {
		fi, err := os.Stat(path)
		if err != nil {
			return nil, nil, fmt.Errorf("%s cannot be read: %w", path, unwrapPath(err))
		}
		if !fi.Mode().IsRegular() {
			return nil, nil, fmt.Errorf("%s is not a regular file", path)
		}
		e, _, err := o.st.AddEvidence(target, requirement, store.EvidenceFile{Name: path, Caption: caption,
			Open: func() (io.ReadCloser, error) { return os.Open(path) }})
		if err != nil {
			return nil, nil, err
		}
		return func(d *Data) { d.putEvidence(e) }, e, nil
	})
}

// UnlinkEvidence removes a file's link to one requirement of a target;
// when it was the last link, deleteBytes says whether the file goes too.
func (o *Ops) UnlinkEvidence(from ScreenID, e model.Evidence, target, requirement string, deleteBytes bool) (Ticket, tea.Cmd) {
	label := "removed " + e.Name + " from " + target + " " + requirement
	if deleteBytes {
		label = "deleted " + e.Name
	}
	return o.change(from, label, func() (func(*Data), any, error) {
		if _, err := o.st.UnlinkEvidence(e.SHA256, target, requirement, deleteBytes); err != nil {
			return nil, nil, err
		}
		return func(d *Data) {
			i := slices.IndexFunc(d.A.Evidence, func(x model.Evidence) bool { return x.SHA256 == e.SHA256 })
			if i < 0 {
				return
			}
			kept := d.A.Evidence[i]
			kept.Links = slices.DeleteFunc(slices.Clone(kept.Links), func(l model.EvidenceLink) bool {
				return l.Target == target && l.Requirement == requirement
			})
			if len(kept.Links) == 0 && deleteBytes {
				d.A.Evidence = slices.Delete(slices.Clone(d.A.Evidence), i, i+1)
			} else {
				d.putEvidence(kept)
			}
			d.Evidence = model.IndexEvidence(d.A.Evidence)
			d.Version++
		}, nil, nil
	})
}

// putEvidence adds or replaces a file's record (by sha256).
func (d *Data) putEvidence(e model.Evidence) {
	list := slices.Clone(d.A.Evidence)
	if i := slices.IndexFunc(list, func(x model.Evidence) bool { return x.SHA256 == e.SHA256 }); i >= 0 {
		list[i] = e
	} else {
		list = append(list, e)
		model.SortEvidence(list)
	}
	d.A.Evidence = list
	d.Evidence = model.IndexEvidence(list)
	d.Version++
}

// Exported is where ExportEvidence wrote a file.
type Exported struct {
	Path string
	Size int64
}

// ExportEvidence copies a file's bytes into dir under its name (a free
// one: "name (2).ext" when the name is taken), created exclusively, mode
// 0600, never through a link, one chunk at a time. It reads only, so it
// runs on a read-only file too. The result's Value is an Exported.
func (o *Ops) ExportEvidence(from ScreenID, e model.Evidence, dir string) (Ticket, tea.Cmd) {
	return o.read(from, "exported "+e.Name, func() (func(*Data), any, error) {
		_, r, err := o.st.OpenEvidence(e.SHA256)
		if err != nil {
			return nil, nil, err
		}
		defer r.Close()
		f, path, err := createFree(dir, e.Name)
		if err != nil {
			return nil, nil, err
		}
		n, err := io.Copy(f, r)
		if err == nil {
			err = f.Sync()
		}
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			os.Remove(path)
			return nil, nil, fmt.Errorf("%s was not exported: %w", e.Name, err)
		}
		return nil, Exported{Path: path, Size: n}, nil
	})
}

// createFree creates name in dir, or "name (2).ext", "name (3).ext", ...
// when it exists: exclusively, so nothing is overwritten or followed.
func createFree(dir, name string) (*os.File, string, error) {
	base := model.EvidenceName(name)
	ext := filepath.Ext(base)
	stem := strings.TrimSuffix(base, ext)
	for n := 1; n < 1000; n++ {
		candidate := base
		if n > 1 {
			candidate = fmt.Sprintf("%s (%d)%s", stem, n, ext)
		}
		path := filepath.Join(dir, candidate)
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if err == nil {
			return f, path, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, "", fmt.Errorf("cannot write into %s: %w", dir, unwrapPath(err))
		}
	}
	return nil, "", fmt.Errorf("cannot write into %s: too many files named %s", dir, base)
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// AnswerHistory reads the changes of one requirement of a target from the
// chained history. The result's Value is a []model.Change.
func (o *Ops) AnswerHistory(from ScreenID, target, requirement string) (Ticket, tea.Cmd) {
	return o.read(from, "history of "+target+" "+requirement, func() (func(*Data), any, error) {
		changes, err := o.st.AnswerHistory(target, requirement)
		return nil, changes, err
	})
}

// RecordSignOff records the sign-off of the assessment as it stands now.
func (o *Ops) RecordSignOff(from ScreenID, so model.SignOff) (Ticket, tea.Cmd) {
	return o.change(from, "sign-off by "+so.Owner.String(), func() (func(*Data), any, error) {
		saved, err := o.st.RecordSignOff(so)
		if err != nil {
			return nil, nil, err
		}
		return func(d *Data) {
			d.A.SignOffs = append(slices.Clone(d.A.SignOffs), saved)
			d.Version++
		}, saved, nil
	})
}
