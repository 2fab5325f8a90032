// The sms format registers itself here (issue 5); until then it reads nothing.
export {};
