package questionnaires

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"slate/model"
)

// BuiltinFile is the newest embedded IEC 62443-3-3 catalog's file name.
const BuiltinFile = "iec62443-3-3.slate2.yaml"

// BuiltinID is the id of the built-in catalog.
const BuiltinID = "iec62443-3-3"

// EnvDir names the environment variable that points to extra catalogs.
const EnvDir = "SLATE_CATALOGS"

// maxCatalogSize bounds a catalog file; the built-in one is well under 200 KB.
const maxCatalogSize = 8 << 20

var builtins = sync.OnceValues(func() ([]*model.Catalog, error) {
	var out []*model.Catalog
	for _, f := range builtinFiles() {
		// Older versions are format 1 and load with warnings by design.
		c, _, err := Parse(f.name, f.data)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
})

// mustBuiltins returns the parsed built-in catalogs. Tests guarantee they
// are valid, so an error here means a broken build.
func mustBuiltins() []*model.Catalog {
	cs, err := builtins()
	if err != nil {
		panic("built-in catalog is invalid: " + err.Error())
	}
	return cs
}

// Builtins returns every embedded catalog version, newest first.
func Builtins() []*model.Catalog { return append([]*model.Catalog(nil), mustBuiltins()...) }

// Builtin returns the newest embedded IEC 62443-3-3 catalog, the one new
// assessments use.
func Builtin() *model.Catalog { return mustBuiltins()[0] }

// BuiltinSource returns the newest embedded catalog's YAML.
func BuiltinSource() []byte { return builtinFiles()[0].data }

// Library is the set of catalogs available to this run: every built-in
// version and any found in the extra folder.
type Library struct {
	catalogs []*model.Catalog
	warnings []Warning
}

// Dir returns the extra-catalog folder: the flag value, else $SLATE_CATALOGS.
func Dir(flag string) string {
	if flag != "" {
		return flag
	}
	return os.Getenv(EnvDir)
}

// Load returns the built-in catalogs plus every catalog in dir (if not
// empty). A broken extra catalog is an error: silently skipping it would let
// an assessment open against the wrong questions. Warnings of the extra
// catalogs are kept for Warnings.
func Load(dir string) (*Library, error) {
	lib := &Library{catalogs: Builtins()}
	if dir == "" {
		return lib, nil
	}
	cats, warnings, err := loadDir(dir)
	if err != nil {
		return nil, err
	}
	lib.warnings = warnings
	for _, c := range cats {
		if prev, ok := lib.Get(c.ID, c.Version); ok && prev.Hash != c.Hash {
			return nil, fmt.Errorf("catalog %s %s is defined twice with different content", c.ID, c.Version)
		}
		lib.catalogs = append(lib.catalogs, c)
	}
	return lib, nil
}

// All lists the catalogs: the built-in versions newest first, then the
// extra ones by file name.
func (l *Library) All() []*model.Catalog { return l.catalogs }

// Warnings lists what the extra catalogs lack without being invalid (an
// older format), each with file:line.
func (l *Library) Warnings() []Warning { return l.warnings }

// Default returns the newest built-in catalog.
func (l *Library) Default() *model.Catalog { return l.catalogs[0] }

// Latest returns the first catalog with the given id in the order of All:
// for the built-in id, the newest version.
func (l *Library) Latest(id string) (*model.Catalog, bool) {
	for _, c := range l.catalogs {
		if c.ID == id {
			return c, true
		}
	}
	return nil, false
}

// Get finds a catalog by id and version.
func (l *Library) Get(id, version string) (*model.Catalog, bool) {
	for _, c := range l.catalogs {
		if c.ID == id && c.Version == version {
			return c, true
		}
	}
	return nil, false
}

// Validate checks a catalog file, or every catalog file in a folder. A valid
// catalog may still carry warnings.
func Validate(path string) ([]Warning, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if st.IsDir() {
		cats, warnings, err := loadDir(path)
		if err == nil && len(cats) == 0 {
			return nil, fmt.Errorf("%s: no .yaml or .yml catalog files", path)
		}
		return warnings, err
	}
	_, warnings, err := loadFile(path)
	return warnings, err
}

func loadDir(dir string) ([]*model.Catalog, []Warning, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, nil, fmt.Errorf("catalog folder: %w", err)
	}
	var names []string
	for _, e := range entries {
		ext := strings.ToLower(filepath.Ext(e.Name()))
		if !e.IsDir() && (ext == ".yaml" || ext == ".yml") {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	var cats []*model.Catalog
	var all Problems
	var warnings []Warning
	var errs []error
	for _, n := range names {
		c, ws, err := loadFile(filepath.Join(dir, n))
		warnings = append(warnings, ws...)
		var ps Problems
		switch {
		case errors.As(err, &ps):
			all = append(all, ps...)
		case err != nil:
			errs = append(errs, err)
		default:
			cats = append(cats, c)
		}
	}
	if len(all) > 0 {
		errs = append(errs, all)
	}
	return cats, warnings, errors.Join(errs...)
}

func loadFile(path string) (*model.Catalog, []Warning, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxCatalogSize+1))
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(data) > maxCatalogSize {
		return nil, nil, fmt.Errorf("%s: larger than %d MB; not a catalog", path, maxCatalogSize>>20)
	}
	return Parse(path, data)
}
