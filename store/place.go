package store

// settingInterviewPlace is the settings key of where the interview's
// cursor was when the last writable session ended (the interface's own
// text: zone or conduit, FR, requirement). Like the current interview
// session it is a per-file preference, not assessment data: it is not in
// the history, verify does not check it and exports leave it out.
const settingInterviewPlace = "interview_place"

// InterviewPlace returns where the last writable session left the
// interview ("" when none did).
func (s *Store) InterviewPlace() (string, error) { return s.Setting(settingInterviewPlace) }

// SetInterviewPlace remembers where the interview was left.
func (s *Store) SetInterviewPlace(place string) error {
	return s.SetSetting(settingInterviewPlace, place)
}
